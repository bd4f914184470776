package dev.jvtpm.engine.differential;


import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations (a {@link MutationCampaign}) of valid Tier 0 commands, sent to swtpm
 * and jvtpm.
 * Error responses must be identical; successes must agree in tag, size and code (payloads may be
 * random, time-dependent or keyed by different proofs; context blobs also in size). Mutations that land on a command libtpms
 * implements and jvtpm does not yet are not comparable and are skipped (counted, not hidden), as
 * are TestParms and IncrementalSelfTest mutations naming an algorithm libtpms implements and
 * jvtpm does not (swtpm lists its algorithms at the start of the run), ECC_Parameters of curves
 * libtpms implements and jvtpm does not, and GetCapability of the
 * lists that legitimately differ (algorithms, commands, PP and audit commands, ECC curves), which
 * {@link CapabilityDifferentialTest} compares as subsets.
 */
class MutatedCommandsDifferentialTest {
    /** Fixed for CI; explore with {@code -DargLine="-Dseed=N -Dmutations=M"}. */
    private static final long SEED = Long.getLong("seed", 0x7137_0001L);
    private static final int MUTATIONS = Integer.getInteger("mutations", 3000);
    private static final byte[] NONE = new byte[0];

    /** TPM_CAP_ALGS, COMMANDS, PP_COMMANDS, AUDIT_COMMANDS, ECC_CURVES. */
    private static final java.util.Set<Integer> SUBSET_CAPABILITIES = java.util.Set.of(0, 2, 3, 4, 8);

    private static List<byte[]> seeds() {
        List<byte[]> s = new ArrayList<>();
        s.add(Commands.getRandom(16));
        s.add(Commands.stirRandom(new byte[] {1, 2, 3}));
        s.add(Commands.getCapability(6, 0x100, 5));
        s.add(Commands.getCapability(1, 0x80000000, 5));
        s.add(Commands.pcrRead(TpmAlgId.SHA256, 0x0F00F0));
        s.add(Commands.pcrExtend(16, TpmAlgId.SHA256, new byte[32]));
        s.add(Commands.pcrEvent(23, new byte[] {9, 9}));
        s.add(Commands.pcrReset(16));
        s.add(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA256, 0xFFFFFF}));
        s.add(Commands.hash(new byte[] {1, 2, 3, 4, 5}, TpmAlgId.SHA1, TpmHandles.RH_NULL));
        s.add(Commands.hashSequenceStart(new byte[] {1}, TpmAlgId.SHA256));
        s.add(Commands.sequenceUpdate(0x80000000, new byte[] {1}, new byte[] {7, 7, 7, 7}));
        s.add(Commands.sequenceComplete(0x80000001, NONE, new byte[] {1, 2, 3, 4}, TpmHandles.RH_NULL));
        s.add(Commands.eventSequenceComplete(16, 0x80000002, NONE, NONE));
        s.add(Commands.selfTest(false));
        s.add(Commands.incrementalSelfTest(TpmAlgId.SHA1, TpmAlgId.AES));
        s.add(Commands.getTestResult());
        s.add(Commands.testParms(HexFormat.of().parseHex("002500060080" + "0043")));
        s.add(Commands.readClock());
        s.add(Commands.clockSet(TpmHandles.RH_OWNER, NONE, 1L << 33));
        s.add(Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, NONE, 1));
        s.add(Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, TpmHandles.RH_OWNER, true));
        s.add(Commands.hierarchyChangeAuth(TpmHandles.RH_ENDORSEMENT, NONE, NONE));
        s.add(Commands.flushContext(0x80000002));
        s.add(Commands.shutdown(1));
        s.add(Commands.startup(0));
        s.add(Commands.withPasswords(TpmCc.PCR_EXTEND, new int[] {16}, new byte[][] {NONE, NONE}, w -> w.u32(0)));
        return s;
    }

    /** Algorithm ids swtpm lists in TPM_CAP_ALGS and jvtpm does not. */
    private static java.util.Set<Integer> libtpmsOnlyAlgorithms(Differential d) throws Exception {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (TpmTarget t : new TpmTarget[] {d.reference(), d.subject()}) {
            byte[] rsp = t.send(Commands.getCapability(0, 0, 1000));
            dev.jvtpm.engine.wire.TpmReader r = new dev.jvtpm.engine.wire.TpmReader(rsp, 15, rsp.length - 15);
            java.util.Set<Integer> algs = new java.util.HashSet<>();
            for (int n = r.u32(); n > 0; n--) {
                algs.add(r.u16());
                r.u32();
            }
            if (t == d.reference()) {
                out.addAll(algs);
            } else {
                out.removeAll(algs);
            }
        }
        return out;
    }

    /** ECC_Parameters of a curve libtpms implements and jvtpm does not (NIST P-192/P-224, BN, SM2). */
    private static boolean libtpmsOnlyCurve(byte[] m) {
        int curve = ((m[10] & 0xFF) << 8) | (m[11] & 0xFF);
        return dev.jvtpm.engine.types.object.EccCurve.fromId(curve) == null
                && java.util.Set.of(0x0001, 0x0002, 0x0010, 0x0011, 0x0020).contains(curve);
    }

    @Test
    void mutatedCommandsGetSwtpmsAnswers() throws Exception {
        MutationCampaign campaign;
        try (Differential d = Differential.start()) {
            d.same("Startup", Commands.startup(0));
            java.util.Set<Integer> libtpmsOnly = libtpmsOnlyAlgorithms(d);
            for (int i = 0; i < 3; i++) {
                d.same("sequence for the seeds", Commands.hashSequenceStart(i == 0 ? new byte[] {1} : NONE,
                        i == 2 ? TpmAlgId.NULL : TpmAlgId.SHA256));
            }
            campaign = MutationCampaign.run(d, seeds(), new Random(SEED), MUTATIONS, m -> {
                int cc = MutationCampaign.u32(m, 6);
                boolean algorithmSensitive = cc == TpmCc.TEST_PARMS || cc == TpmCc.INCREMENTAL_SELF_TEST;
                return MutationCampaign.onlyLibtpmsImplements(cc)
                        || (algorithmSensitive && MutationCampaign.mentions(m, libtpmsOnly))
                        || (cc == TpmCc.ECC_PARAMETERS && m.length >= 12 && libtpmsOnlyCurve(m))
                        || (cc == TpmCc.GET_CAPABILITY && m.length >= 14
                            && SUBSET_CAPABILITIES.contains(MutationCampaign.u32(m, 10)));
            }, (cc, reference, subject) -> {
                if (cc == TpmCc.CONTEXT_SAVE) {
                    // Context blobs are each implementation's own: compare tag and code.
                    return Arrays.equals(reference, 0, 2, subject, 0, 2) && Arrays.equals(reference, 6, 10, subject, 6, 10);
                }
                if (cc == TpmCc.INCREMENTAL_SELF_TEST) {
                    // The toDoList lists implemented algorithms, which differ: compare tag and code.
                    return Arrays.equals(reference, 0, 2, subject, 0, 2);
                }
                return MutationCampaign.SAME_HEADER.agree(cc, reference, subject);
            });
        }
        campaign.assertSwtpmsAnswers();
    }
}
