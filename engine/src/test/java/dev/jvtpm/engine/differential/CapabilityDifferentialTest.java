package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TPM2_GetCapability (Part 3 §30.2) against swtpm for every capability and a grid of
 * property/propertyCount values, on a started TPM with two sequence objects loaded. jvtpm runs
 * with {@code TpmIdentity.swtpmCompatible()}, so identity properties must match too.
 *
 * <p>Where jvtpm legitimately implements less than libtpms (commands, algorithms, ECC), the lists
 * are compared as "jvtpm's entries are swtpm's entries, with the same attributes, restricted to
 * what jvtpm implements", and paging is checked by applying one paging rule, verified against
 * swtpm's own answers, to both lists.
 */
class CapabilityDifferentialTest extends DifferentialFixture {
    private static final int[] COUNTS = {0, 1, 2, 3, 7, 8, 127, 128, 254, 255, 256, 1000, 0x7FFFFFFF, 0xFFFFFFFF};

    /**
     * TPM properties whose values legitimately differ, each with why. Everything else, identity
     * included (jvtpm runs with swtpm's identity here), must be equal.
     */
    private static final Map<Integer, String> EXCLUDED_PROPERTIES = Map.of(
            TpmPt.TOTAL_COMMANDS, "jvtpm implements fewer commands; checked against its own TPM_CAP_COMMANDS below",
            TpmPt.LIBRARY_COMMANDS, "same: the count of implemented library commands",
            TpmPt.MAX_OBJECT_CONTEXT, "size of jvtpm's own (not libtpms') object context blobs",
            TpmPt.MAX_SESSION_CONTEXT, "size of jvtpm's own session context blobs",
            TpmPt.LOADED_CURVES, "jvtpm implements the three NIST curves P-256/384/521 (libtpms: 8 curves)",
            TpmPt.SPLIT_MAX, "no ECDAA, so no TPM2_Commit split operations (libtpms reports its commit array size)");

    @BeforeEach
    void startSequences() {
        d.same("HashSequenceStart", Commands.hashSequenceStart(new byte[0], TpmAlgId.SHA256));
        d.same("HashSequenceStart", Commands.hashSequenceStart(new byte[0], TpmAlgId.NULL));
    }

    // ---- identical categories ----

    @Test
    void handlesOfEveryType() {
        int[] starts = {0x00000000, 0x00000005, 0x00000017, 0x00000018, 0x00FFFFFF, 0x01000000, 0x01FFFFFF,
            0x02000000, 0x0200003F, 0x02FFFFFF, 0x03000000, 0x40000000, 0x40000001, 0x40000007, 0x40000009,
            0x4000000A, 0x4000000D, 0x4000000E, 0x40000100, 0x4000010F, 0x40FFFFFF, 0x80000000, 0x80000001,
            0x80000002, 0x80000003, 0x80FFFFFF, 0x81000000, 0x81FFFFFF};
        grid(TpmCap.HANDLES, starts);
    }

    @Test
    void pcrs() {
        for (int count : COUNTS) {
            d.same("TPM_CAP_PCRS count " + count, Commands.getCapability(TpmCap.PCRS, 0, count));
        }
    }

    @Test
    void pcrProperties() {
        int[] starts = new int[0x17];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = i;
        }
        grid(TpmCap.PCR_PROPERTIES, starts);
        grid(TpmCap.PCR_PROPERTIES, new int[] {0x100, 0x7FFFFFFF, 0xFFFFFFFF});
    }

    @Test
    void authPolicies() {
        grid(TpmCap.AUTH_POLICIES, new int[] {0x40000000, 0x40000001, 0x40000002, 0x40000007, 0x4000000A,
            0x4000000B, 0x4000000C, 0x4000000D, 0x4000000E, 0x40000100, 0x40000110, 0x4000011F, 0x40FFFFFF});
    }

    @Test
    void act() {
        grid(TpmCap.ACT, new int[] {0x40000110, 0x40000111, 0x4000011F});
    }

    private void grid(int cap, int[] starts) {
        for (int start : starts) {
            for (int count : COUNTS) {
                d.same(String.format("cap %d property %08x count %d", cap, start, count),
                        Commands.getCapability(cap, start, count));
            }
        }
    }

    @Test
    void tpmPropertiesExceptTheDocumentedExclusions() throws Exception {
        int[] starts = {0, 1, 0xFF, 0x100, 0x101, 0x105, 0x114, 0x115, 0x116, 0x12E, 0x12F, 0x130, 0x1FF, 0x200,
            0x201, 0x214, 0x215, 0x2FF, 0x300, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF};
        for (int start : starts) {
            for (int count : COUNTS) {
                byte[] cmd = Commands.getCapability(TpmCap.TPM_PROPERTIES, start, count);
                Differential.Pair p = d.sameCode(String.format("properties from %x, count %d", start, count), cmd);
                assertThat(HexFormat.of().formatHex(masked(p.subject())))
                        .as("properties from %x, count %d", start, count)
                        .isEqualTo(HexFormat.of().formatHex(masked(p.reference())));
            }
        }
    }

    @Test
    void everyExcludedPropertyReallyDiffers() throws Exception {
        for (int pt : EXCLUDED_PROPERTIES.keySet()) {
            Differential.Pair p = d.both(Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1));
            assertThat(p.subject()).as("property %x is excluded needlessly: %s", pt, EXCLUDED_PROPERTIES.get(pt))
                    .isNotEqualTo(p.reference());
        }
    }

    /** The response with the values of excluded properties zeroed. */
    private static byte[] masked(byte[] rsp) throws TpmException {
        byte[] out = rsp.clone();
        if (Differential.Pair.rc(rsp) != 0) {
            return out;
        }
        TpmReader r = new TpmReader(rsp, 10, rsp.length - 10);
        r.skip(5);
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            int pt = r.u32();
            int at = r.position();
            r.u32();
            if (EXCLUDED_PROPERTIES.containsKey(pt)) {
                out[at] = out[at + 1] = out[at + 2] = out[at + 3] = 0;
            }
        }
        return out;
    }

    @Test
    void totalCommandsIsTheNumberOfCommandsListed() throws Exception {
        TpmReader r = new TpmReader(d.subject().send(Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.TOTAL_COMMANDS, 2)));
        r.skip(10 + 5 + 4);
        assertThat(r.u32()).isEqualTo(TpmPt.TOTAL_COMMANDS);
        assertThat(r.u32()).isEqualTo(Tpm.commandTable().size());
        assertThat(r.u32()).isEqualTo(TpmPt.LIBRARY_COMMANDS);
        assertThat(r.u32()).isEqualTo(Tpm.commandTable().size());
    }

    // ---- subset categories ----

    /** One entry of a list capability: its key (alg or command code) and its whole encoding. */
    record Entry(long key, byte[] bytes) {}

    @Test
    void algorithmsAreSwtpmsRestrictedToWhatJvtpmImplements() throws Exception {
        Map<Long, String> ref = all(d.reference(), TpmCap.ALGS);
        Map<Long, String> sub = all(d.subject(), TpmCap.ALGS);
        assertThat(sub).isNotEmpty();
        assertThat(ref).containsAllEntriesOf(sub);
        int[] starts = {0, 1, 4, 5, 6, 7, 0x0B, 0x10, 0x25, 0x43, 0x44, 0x45, 0xFFFF, 0x10000, 0x10006, 0xFFFFFFFF};
        checkPaging(TpmCap.ALGS, starts, ref, sub, 127, v -> v & 0xFFFF);
    }

    @Test
    void commandsAreSwtpmsRestrictedToWhatJvtpmImplements() throws Exception {
        Map<Long, String> ref = all(d.reference(), TpmCap.COMMANDS);
        Map<Long, String> sub = all(d.subject(), TpmCap.COMMANDS);
        Set<Long> implemented = new TreeSet<>();
        for (CommandDescriptor cd : Tpm.commandTable().descriptors()) {
            implemented.add((long) cd.code());
        }
        assertThat(sub.keySet()).isEqualTo(implemented);
        // Same TPMA_CC (nv, extensive, flushed, cHandles, rHandle) as libtpms for every command.
        assertThat(ref).containsAllEntriesOf(sub);
        int[] starts = {0, 0x11F, 0x120, 0x121, 0x144, 0x17A, 0x19F, 0x1A0, 0x20000000, 0xFFFFFFFF};
        checkPaging(TpmCap.COMMANDS, starts, ref, sub, 254, v -> v);
    }

    @Test
    void ppAndAuditCommandsAreSwtpmsRestrictedToJvtpmsCommands() throws Exception {
        for (int cap : new int[] {TpmCap.PP_COMMANDS, TpmCap.AUDIT_COMMANDS}) {
            Map<Long, String> ref = all(d.reference(), cap);
            Map<Long, String> sub = all(d.subject(), cap);
            Map<Long, String> expected = new LinkedHashMap<>(ref);
            expected.keySet().removeIf(cc -> Tpm.commandTable().get(cc.intValue()) == null);
            assertThat(sub).as("capability %d", cap).isEqualTo(expected);
            checkPaging(cap, new int[] {0, 0x11F, 0x12D, 0x140, 0x141, 0xFFFFFFFF}, ref, sub, 254, v -> v);
        }
    }

    @Test
    void eccCurvesAreSwtpmsRestrictedToJvtpmsCurves() throws Exception {
        Differential.Pair p = d.both(Commands.getCapability(TpmCap.ECC_CURVES, 0, 100));
        List<Integer> ref = curves(p.reference());
        List<Integer> sub = curves(p.subject());
        ref.removeIf(c -> dev.jvtpm.engine.types.object.EccCurve.fromId(c) == null);
        assertThat(sub).isEqualTo(ref).containsExactly(0x0003, 0x0004, 0x0005);
        // Paging: from a curve on, at most count curves, moreData when some are left.
        for (int start : new int[] {0, 3, 4, 5, 6, 0x10003, 0xFFFF}) {
            for (int count : new int[] {0, 1, 2, 3, 100}) {
                byte[] rsp = d.subject().send(Commands.getCapability(TpmCap.ECC_CURVES, start, count));
                List<Integer> all = new ArrayList<>(List.of(3, 4, 5));
                all.removeIf(c -> c < (start & 0xFFFF));
                assertThat(curves(rsp)).as("start %x count %d", start, count).isEqualTo(all.subList(0, Math.min(count, all.size())));
                assertThat(rsp[10] != 0).as("moreData, start %x count %d", start, count).isEqualTo(all.size() > count);
            }
        }
    }

    private static List<Integer> curves(byte[] rsp) throws TpmException {
        TpmReader r = new TpmReader(rsp, 15, rsp.length - 15);
        List<Integer> out = new ArrayList<>();
        for (int n = r.u32(); n > 0; n--) {
            out.add(r.u16());
        }
        return out;
    }

    /** Every entry of a list capability (ALGS, COMMANDS, PP/AUDIT_COMMANDS), by key. */
    private static Map<Long, String> all(TpmTarget t, int cap) throws Exception {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Entry e : entries(t.send(Commands.getCapability(cap, 0, 0xFFFFFFFF)), cap)) {
            out.put(e.key(), HexFormat.of().formatHex(e.bytes()));
        }
        return out;
    }

    private static List<Entry> entries(byte[] rsp, int cap) throws TpmException {
        TpmReader r = new TpmReader(rsp, 10, rsp.length - 10);
        r.skip(5);
        int n = r.u32();
        List<Entry> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (cap == TpmCap.ALGS) {
                int alg = r.u16();
                list.add(new Entry(alg, new TpmWriter(6).u16(alg).u32(r.u32()).toByteArray()));
            } else {
                int v = r.u32();
                long key = cap == TpmCap.COMMANDS ? v & 0xFFFF : Integer.toUnsignedLong(v);
                list.add(new Entry(key, new TpmWriter(4).u32(v).toByteArray()));
            }
        }
        return list;
    }

    /**
     * The page a TPM gives for (start, count) of a sorted list: entries with key ≥ start, at most
     * min(count, cap) of them, moreData when entries remain.
     */
    private static byte[] page(int cap, Map<Long, String> list, long start, long count, int maxCount) {
        TpmWriter w = new TpmWriter();
        long n = Math.min(count, maxCount);
        List<String> selected = new ArrayList<>();
        boolean more = false;
        for (var e : list.entrySet()) {
            if (e.getKey() < start) {
                continue;
            }
            if (selected.size() == n) {
                more = true;
                break;
            }
            selected.add(e.getValue());
        }
        w.u8(more ? 1 : 0).u32(cap).u32(selected.size());
        for (String s : selected) {
            w.bytes(HexFormat.of().parseHex(s));
        }
        return w.toByteArray();
    }

    private void checkPaging(int cap, int[] starts, Map<Long, String> ref, Map<Long, String> sub, int maxCount,
                             java.util.function.LongUnaryOperator startKey) throws Exception {
        for (int start : starts) {
            for (int count : COUNTS) {
                byte[] cmd = Commands.getCapability(cap, start, count);
                Differential.Pair p = d.both(cmd);
                long key = startKey.applyAsLong(Integer.toUnsignedLong(start));
                long c = Integer.toUnsignedLong(count);
                String what = String.format("cap %d from %x count %d", cap, start, count);
                assertThat(HexFormat.of().formatHex(body(p.reference()))).as("paging rule vs swtpm, " + what)
                        .isEqualTo(HexFormat.of().formatHex(page(cap, ref, key, c, maxCount)));
                assertThat(HexFormat.of().formatHex(body(p.subject()))).as("jvtpm, " + what)
                        .isEqualTo(HexFormat.of().formatHex(page(cap, sub, key, c, maxCount)));
            }
        }
    }

    private static byte[] body(byte[] rsp) {
        assertThat(Differential.Pair.rc(rsp)).isZero();
        return java.util.Arrays.copyOfRange(rsp, 10, rsp.length);
    }
}
