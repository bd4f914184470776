package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmInternals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Seeded random mutations of valid commands (bit flips, byte changes, truncation, extension,
 * size-field edits, swapped command codes and handles) sent to both TPMs of a
 * {@link Differential}. Error responses must be identical; successes must agree as the caller's
 * {@link Successes} says (by default in tag, size and code, since payloads may be random,
 * time-dependent or keyed by different proofs). Mutations the caller declares not comparable
 * are skipped and counted, never hidden: a run that skips a quarter or more fails.
 */
final class MutationCampaign {
    /** Whether two successful responses to a (mutated) command with code {@code cc} agree. */
    interface Successes {
        boolean agree(int cc, byte[] reference, byte[] subject);
    }

    /** Tag, size and response code equal. */
    static final Successes SAME_HEADER = (cc, reference, subject) -> Arrays.equals(reference, 0, 10, subject, 0, 10);

    private final int mutations;
    private final List<String> mismatches = new ArrayList<>();
    private int compared;
    private int skipped;

    private MutationCampaign(int mutations) {
        this.mutations = mutations;
    }

    /**
     * Sends {@code mutations} mutations of randomly chosen {@code seeds} to both TPMs, then checks
     * that none drove jvtpm into failure mode. Call {@link #assertSwtpmsAnswers()} for the verdict.
     */
    static MutationCampaign run(Differential d, List<byte[]> seeds, Random rnd, int mutations,
                                Predicate<byte[]> notComparable, Successes successes) {
        MutationCampaign c = new MutationCampaign(mutations);
        for (int n = 0; n < mutations; n++) {
            byte[] m = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            if (m.length < 10) {
                continue;
            }
            if (notComparable.test(m)) {
                c.skipped++;
                continue;
            }
            Differential.Pair p = d.both(m);
            c.compared++;
            boolean same = p.referenceRc() != 0 || p.subjectRc() != 0
                    ? Arrays.equals(p.reference(), p.subject())
                    : successes.agree(u32(m, 6), p.reference(), p.subject());
            if (!same) {
                c.mismatches.add("mutation " + n + ": " + HexFormat.of().formatHex(m) + p.describe());
            }
        }
        assertThat(TpmInternals.core(((InProcessTarget) d.subject()).tpm()).failureMode)
                .as("no mutation may drive jvtpm into failure mode").isFalse();
        return c;
    }

    /** Every compared mutation got swtpm's answer, and more than three quarters were compared. */
    void assertSwtpmsAnswers() {
        assertThat(mismatches).as(mismatches.size() + " of " + compared + " differ:\n"
                + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size())))).isEmpty();
        assertThat(compared).isGreaterThan(mutations * 3 / 4);
        assertThat(skipped).isLessThan(mutations / 4);
    }

    /** A command libtpms 0.9 implements and jvtpm does not: its mutations are not comparable. */
    static boolean onlyLibtpmsImplements(int cc) {
        return libtpmsImplements(cc) && Tpm.commandTable().get(cc) == null;
    }

    /** Command codes libtpms 0.9 implements (tpm-command-tiers.md §3). */
    private static boolean libtpmsImplements(int cc) {
        int[][] ranges = {{0x11f, 0x122}, {0x124, 0x12e}, {0x130, 0x140}, {0x142, 0x159}, {0x15b, 0x15e},
            {0x160, 0x165}, {0x167, 0x174}, {0x176, 0x178}, {0x17a, 0x193}, {0x197, 0x197}};
        for (int[] r : ranges) {
            if (cc >= r[0] && cc <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** Whether any 16-bit word of the parameters (at any byte offset) is one of {@code algs}. */
    static boolean mentions(byte[] m, Set<Integer> algs) {
        for (int i = 10; i + 1 < m.length; i++) {
            if (algs.contains(((m[i] & 0xFF) << 8) | (m[i + 1] & 0xFF))) {
                return true;
            }
        }
        return false;
    }

    static byte[] mutate(byte[] cmd, Random rnd) {
        byte[] m = cmd.clone();
        switch (rnd.nextInt(8)) {
            case 0: { // flip one bit
                int i = rnd.nextInt(m.length);
                m[i] ^= (byte) (1 << rnd.nextInt(8));
                break;
            }
            case 1: { // replace a byte after the size field
                m[6 + rnd.nextInt(m.length - 6)] = (byte) rnd.nextInt(256);
                break;
            }
            case 2: // truncate, size field adjusted
                m = withSize(Arrays.copyOf(m, 10 + rnd.nextInt(m.length - 9)));
                break;
            case 3: { // extend with random bytes, size field adjusted
                byte[] extra = new byte[1 + rnd.nextInt(8)];
                rnd.nextBytes(extra);
                byte[] e = Arrays.copyOf(m, m.length + extra.length);
                System.arraycopy(extra, 0, e, m.length, extra.length);
                m = withSize(e);
                break;
            }
            case 4: // another implemented command's code on these bytes
                putU32(m, 6, Tpm.commandTable().descriptors()
                        .get(rnd.nextInt(Tpm.commandTable().size())).code());
                break;
            case 5: // the first handle or parameter word replaced by an interesting value
                if (m.length >= 14) {
                    int[] values = {0, 0x40000001, 0x40000007, 0x40000009, 0x4000000A, 0x4000000C, 0x80000000,
                        0x80000003, 0x81000001, 0x02000000, 0x01000000, 17, 24, 0xFFFFFFFF};
                    putU32(m, 10, values[rnd.nextInt(values.length)]);
                }
                break;
            case 6: // a random 16-bit value somewhere in the body
                if (m.length >= 12) {
                    int i = 10 + rnd.nextInt(m.length - 11);
                    m[i] = (byte) rnd.nextInt(256);
                    m[i + 1] = (byte) rnd.nextInt(256);
                }
                break;
            default: { // two mutations
                m = mutate(mutate(m, rnd), rnd);
                break;
            }
        }
        return m;
    }

    private static byte[] withSize(byte[] m) {
        putU32(m, 2, m.length);
        return m;
    }

    private static void putU32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static int u32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
