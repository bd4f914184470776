package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static dev.jvtpm.engine.testing.NvTesting.define;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Part 3 §31.6 TPM2_NV_ReadPublic, and the NV Name (Part 1 "Names"). */
class NvReadPublicTest {
    private static final int OWNER = TpmHandles.RH_OWNER;

    /** nameAlg ‖ H(TPMS_NV_PUBLIC), as clients recompute it. */
    private static byte[] expectedName(byte[] nvPublic, String jca, int alg) throws Exception {
        byte[] digest = MessageDigest.getInstance(jca).digest(nvPublic);
        byte[] name = new byte[2 + digest.length];
        name[0] = (byte) (alg >> 8);
        name[1] = (byte) alg;
        System.arraycopy(digest, 0, name, 2, digest.length);
        return name;
    }

    @Test
    void publicAreaAsDefinedAndTheNameItHashesTo() throws Exception {
        TpmHarness h = TpmHarness.started();
        byte[] policy = new byte[32];
        policy[0] = 0x5A;
        h.ok(h.call(Commands.nvDefineSpace(OWNER, NONE, NONE, 0x01234567, TpmAlgId.SHA256,
                OWNERREAD | OWNERWRITE | POLICYREAD, policy, 100)));
        NvTesting.Public p = NvTesting.readPublic(h, 0x01234567);
        assertThat(HexFormat.of().formatHex(p.nvPublic())).isEqualTo(
                "01234567" + "000b" + "000a0002" + "0020" + "5a" + "00".repeat(31) + "0064");
        assertThat(p.name()).isEqualTo(expectedName(p.nvPublic(), "SHA-256", TpmAlgId.SHA256));
    }

    @Test
    void theNameChangesWhenWrittenAndWhenLocked() throws Exception {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA1, OWNERREAD | OWNERWRITE | WRITE_STCLEAR, 4);
        NvTesting.Public unwritten = NvTesting.readPublic(h, 0x01000000);
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[] {1}, 0)));
        NvTesting.Public written = NvTesting.readPublic(h, 0x01000000);
        assertThat(written.attributes()).isEqualTo(unwritten.attributes() | WRITTEN);
        assertThat(written.name()).isNotEqualTo(unwritten.name())
                .isEqualTo(expectedName(written.nvPublic(), "SHA-1", TpmAlgId.SHA1));
        h.ok(h.call(Commands.nvWriteLock(OWNER, NONE, 0x01000000)));
        NvTesting.Public locked = NvTesting.readPublic(h, 0x01000000);
        assertThat(locked.attributes()).isEqualTo(written.attributes() | WRITELOCKED);
        assertThat(locked.name()).isNotEqualTo(written.name());
    }

    @Test
    void undefinedAndHiddenIndexesAreUnknownHandles() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.nvReadPublic(0x01000000))).isEqualTo(0x18B);
        assertThat(h.rc(Commands.nvReadPublic(0x02000000))).as("not an NV handle").isEqualTo(0x184);
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, OWNERREAD | OWNERWRITE, 4);
        define(h, TpmHandles.RH_PLATFORM, NONE, 0x01C00000, TpmAlgId.SHA256, PPREAD | PPWRITE | PLATFORMCREATE, 4);
        h.ok(h.call(Commands.hierarchyControl(OWNER, NONE, OWNER, false)));
        assertThat(h.rc(Commands.nvReadPublic(0x01000000))).isEqualTo(0x18B);
        assertThat(h.rc(Commands.nvReadPublic(0x01C00000))).isZero();
        h.ok(h.call(Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, TpmHandles.RH_PLATFORM_NV, false)));
        assertThat(h.rc(Commands.nvReadPublic(0x01C00000))).isEqualTo(0x18B);
        h.ok(h.call(Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, OWNER, true)));
        assertThat(h.rc(Commands.nvReadPublic(0x01000000))).as("owner index with phEnableNV clear").isZero();
    }
}
