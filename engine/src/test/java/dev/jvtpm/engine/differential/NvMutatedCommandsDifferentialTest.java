package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations (a {@link MutationCampaign}) of valid NV,
 * hierarchy and DA commands, on TPMs holding an index of every type, sent to swtpm and jvtpm:
 * error responses must be identical, successes the same in tag, size and code; and every
 * index's public area and the NV capacity must still agree at the end.
 */
class NvMutatedCommandsDifferentialTest {
    private static final long SEED = Long.getLong("seed", 0x4E56_0001L);
    private static final int MUTATIONS = Integer.getInteger("mutations", 2000);
    private static final byte[] NONE = new byte[0];
    private static final byte[] PW = {'p', 'w'};
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;
    private static final int RW = OWNERREAD | OWNERWRITE | AUTHREAD | AUTHWRITE;

    private static List<byte[]> setup() {
        List<byte[]> s = new ArrayList<>();
        int sha = TpmAlgId.SHA256;
        s.add(Commands.nvDefineSpace(OWNER, NONE, PW, 0x01000000, sha, RW | NO_DA, NONE, 64));
        s.add(Commands.nvDefineSpace(OWNER, NONE, PW, 0x01000001, sha, RW | (NT_COUNTER << 4) | ORDERLY, NONE, 8));
        s.add(Commands.nvDefineSpace(OWNER, NONE, PW, 0x01000002, sha, RW | (NT_BITS << 4) | NO_DA, NONE, 8));
        s.add(Commands.nvDefineSpace(OWNER, NONE, PW, 0x01000003, sha, RW | (NT_EXTEND << 4), NONE, 32));
        s.add(Commands.nvDefineSpace(OWNER, NONE, PW, 0x01000004, sha,
                OWNERREAD | OWNERWRITE | (NT_PIN_FAIL << 4) | NO_DA, NONE, 8));
        s.add(Commands.nvDefineSpace(OWNER, NONE, PW, 0x01000005, sha,
                OWNERREAD | OWNERWRITE | WRITE_STCLEAR | READ_STCLEAR | GLOBALLOCK | WRITEDEFINE, NONE, 16));
        s.add(Commands.nvDefineSpace(PLATFORM, NONE, NONE, 0x01C00002, sha,
                PPREAD | PPWRITE | OWNERREAD | AUTHREAD | NO_DA | PLATFORMCREATE, NONE, 32));
        s.add(Commands.nvWrite(OWNER, NONE, 0x01000004, new byte[] {0, 0, 0, 0, 0, 0, 0, 5}, 0));
        return s;
    }

    private static List<byte[]> seeds() {
        List<byte[]> s = new ArrayList<>();
        s.add(Commands.nvDefineSpace(OWNER, NONE, PW, 0x01000010, TpmAlgId.SHA1, RW, NONE, 20));
        s.add(Commands.nvDefineSpace(PLATFORM, NONE, NONE, 0x01C00010, TpmAlgId.SHA384,
                PPREAD | PPWRITE | PLATFORMCREATE | POLICY_DELETE, new byte[48], 8));
        s.add(Commands.nvUndefineSpace(OWNER, NONE, 0x01000010));
        s.add(Commands.nvUndefineSpaceSpecial(0x01C00010, NONE, NONE));
        s.add(Commands.nvReadPublic(0x01000000));
        s.add(Commands.nvWrite(0x01000000, PW, 0x01000000, new byte[] {1, 2, 3}, 5));
        s.add(Commands.nvWrite(PLATFORM, NONE, 0x01C00002, new byte[32], 0));
        s.add(Commands.nvRead(OWNER, NONE, 0x01000000, 16, 8));
        s.add(Commands.nvRead(0x01000004, PW, 0x01000004, 8, 0));
        s.add(Commands.nvIncrement(0x01000001, PW, 0x01000001));
        s.add(Commands.nvExtend(OWNER, NONE, 0x01000003, new byte[] {4, 5}));
        s.add(Commands.nvSetBits(0x01000002, PW, 0x01000002, 0x0102030405060708L));
        s.add(Commands.nvWriteLock(OWNER, NONE, 0x01000005));
        s.add(Commands.nvReadLock(OWNER, NONE, 0x01000005));
        s.add(Commands.nvGlobalWriteLock(PLATFORM, NONE));
        s.add(Commands.nvChangeAuth(0x01000000, PW, PW));
        s.add(Commands.setPrimaryPolicy(OWNER, NONE, new byte[32], TpmAlgId.SHA256));
        s.add(Commands.clearControl(PLATFORM, NONE, false));
        s.add(Commands.dictionaryAttackLockReset(NONE));
        return s;
    }

    @Test
    void mutatedNvCommandsGetSwtpmsAnswers() throws Exception {
        MutationCampaign campaign;
        try (Differential d = Differential.start()) {
            d.same("Startup", Commands.startup(0));
            for (byte[] cmd : setup()) {
                assertThat(d.same("setup", cmd).referenceRc()).isZero();
            }
            // Commands libtpms has and jvtpm lacks, and GetCapability lists that legitimately
            // differ, are not comparable (counted).
            campaign = MutationCampaign.run(d, seeds(), new Random(SEED), MUTATIONS, m -> {
                int cc = MutationCampaign.u32(m, 6);
                return MutationCampaign.onlyLibtpmsImplements(cc) || cc == 0x17A;
            }, MutationCampaign.SAME_HEADER);
            for (int index : new int[] {0x01000000, 0x01000001, 0x01000002, 0x01000003, 0x01000004, 0x01000005,
                0x01C00002, 0x01000010, 0x01C00010}) {
                d.same("public area at the end", Commands.nvReadPublic(index));
            }
            d.same("NV handles at the end", Commands.getCapability(1, 0x01000000, 64));
            d.same("variable properties at the end", Commands.getCapability(6, 0x200, 13));
        }
        campaign.assertSwtpmsAnswers();
    }
}
