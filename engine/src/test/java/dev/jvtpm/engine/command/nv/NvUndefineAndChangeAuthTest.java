package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static dev.jvtpm.engine.testing.NvTesting.define;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import org.junit.jupiter.api.Test;

/**
 * Part 3 §31.4 NV_UndefineSpace, §31.5 NV_UndefineSpaceSpecial and §31.15 NV_ChangeAuth. The
 * last two authorize the index in the ADMIN role, which needs a policy session; with password
 * sessions only their refusal is reachable.
 */
class NvUndefineAndChangeAuthTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;
    private static final int RW = OWNERREAD | OWNERWRITE;

    @Test
    void undefineByTheOwnerOrThePlatform() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, RW, 4);
        define(h, PLATFORM, NONE, 0x01C00000, TpmAlgId.SHA256, RW | PLATFORMCREATE, 4);
        define(h, PLATFORM, NONE, 0x01C00001, TpmAlgId.SHA256, RW | PLATFORMCREATE | POLICY_DELETE, 4);
        assertThat(h.rc(Commands.nvUndefineSpace(OWNER, NONE, 0x01C00000))).isEqualTo(0x149);
        assertThat(h.rc(Commands.nvUndefineSpace(PLATFORM, NONE, 0x01C00001))).isEqualTo(0x282);
        assertThat(h.rc(Commands.nvUndefineSpace(PLATFORM, NONE, 0x01000000))).isZero();
        assertThat(h.rc(Commands.nvUndefineSpace(PLATFORM, NONE, 0x01C00000))).isZero();
        assertThat(h.rc(Commands.nvUndefineSpace(PLATFORM, NONE, 0x01C00000))).isEqualTo(0x28B);
        assertThat(h.property(TpmPt.HR_NV_INDEX)).isEqualTo(1);
    }

    @Test
    void undefineSpaceSpecialNeedsAPolicySession() {
        TpmHarness h = TpmHarness.started();
        define(h, PLATFORM, NONE, 0x01C00000, TpmAlgId.SHA256, RW | PLATFORMCREATE | POLICY_DELETE | NO_DA, 4);
        assertThat(h.rc(Commands.nvUndefineSpaceSpecial(0x01C00000, NONE, NONE))).isEqualTo(0x124);
        assertThat(h.rc(Commands.nvUndefineSpaceSpecial(0x01C00001, NONE, NONE))).isEqualTo(0x18B);
        assertThat(h.rc(Commands.nvUndefineSpaceSpecial(0x01C00000, NONE, new byte[] {1}))).as("one session missing")
                .isEqualTo(0x124);
        assertThat(h.rc(Commands.withPasswords(0x11F, new int[] {0x01C00000, PLATFORM}, new byte[][] {NONE},
                w -> { }))).as("two authorizations, one session").isEqualTo(0x125);
        assertThat(h.property(TpmPt.HR_NV_INDEX)).isEqualTo(1);
    }

    @Test
    void changeAuthNeedsAPolicySession() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, RW | AUTHREAD | AUTHWRITE | NO_DA, 4);
        assertThat(h.rc(Commands.nvChangeAuth(0x01000000, NONE, new byte[] {1}))).isEqualTo(0x124);
        assertThat(h.rc(Commands.nvChangeAuth(0x01000000, NONE, new byte[65]))).as("authorization before parameters")
                .isEqualTo(0x124);
    }
}
