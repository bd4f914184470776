package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import org.junit.jupiter.api.Test;

/**
 * NV indexes as authorization entities (SessionProcess.c IsAuthValueAvailable for NV, PIN index
 * processing in CheckAuthSession), with password sessions.
 */
class NvIndexEntityTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final byte[] PW = {'p', 'w'};
    private static final int INDEX = 0x01000000;
    private static final int AUTH_UNAVAILABLE = 0x12F;

    @Test
    void authValueIsUsableForWritesWithAuthwriteAndReadsWithAuthread() {
        TpmHarness h = TpmHarness.started();
        NvTesting.define(h, OWNER, PW, INDEX, TpmAlgId.SHA256, OWNERREAD | AUTHWRITE | NO_DA, 4);
        NvTesting.define(h, OWNER, PW, INDEX + 1, TpmAlgId.SHA256, OWNERWRITE | AUTHREAD | POLICYWRITE | NO_DA, 4);
        assertThat(h.rc(Commands.nvWrite(INDEX, PW, INDEX, new byte[4], 0))).isZero();
        assertThat(h.rc(Commands.nvRead(INDEX, PW, INDEX, 4, 0))).isEqualTo(AUTH_UNAVAILABLE);
        assertThat(h.rc(Commands.nvWriteLock(INDEX + 1, PW, INDEX + 1))).as("NV_WriteLock is a write")
                .isEqualTo(AUTH_UNAVAILABLE);
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX + 1, new byte[4], 0)));
        assertThat(h.rc(Commands.nvRead(INDEX + 1, PW, INDEX + 1, 4, 0))).isZero();
        assertThat(h.rc(Commands.nvReadLock(INDEX + 1, PW, INDEX + 1))).as("NV_ReadLock is a read")
                .isEqualTo(0x282);
        assertThat(h.rc(Commands.nvRead(INDEX + 1, new byte[] {'p', 'w', 0, 0}, INDEX + 1, 4, 0)))
                .as("trailing zeros of the password are ignored").isZero();
    }

    @Test
    void adminRoleNeedsAPolicySessionEvenWithTheRightPassword() {
        TpmHarness h = TpmHarness.started();
        NvTesting.define(h, OWNER, PW, INDEX, TpmAlgId.SHA256, OWNERREAD | OWNERWRITE | AUTHREAD | AUTHWRITE | NO_DA, 4);
        assertThat(h.rc(Commands.nvChangeAuth(INDEX, PW, NONE))).isEqualTo(0x124);
    }

    /** pinCount ‖ pinLimit, big-endian (TPMS_NV_PIN_COUNTER_PARAMETERS). */
    private static byte[] pin(int count, int limit) {
        return new byte[] {(byte) (count >>> 24), (byte) (count >>> 16), (byte) (count >>> 8), (byte) count,
            (byte) (limit >>> 24), (byte) (limit >>> 16), (byte) (limit >>> 8), (byte) limit};
    }

    @Test
    void pinPassIndexesCountSuccessesUpToTheLimit() {
        TpmHarness h = TpmHarness.started();
        NvTesting.define(h, OWNER, PW, INDEX, TpmAlgId.SHA256, OWNERREAD | OWNERWRITE | NO_DA | (NT_PIN_PASS << 4), 8);
        assertThat(h.rc(Commands.nvRead(INDEX, PW, INDEX, 8, 0))).as("unwritten: no authValue").isEqualTo(AUTH_UNAVAILABLE);
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, pin(0, 2), 0)));
        assertThat(NvTesting.read(h, INDEX, PW, INDEX, 8, 0)).as("counted before the read").isEqualTo(pin(1, 2));
        assertThat(h.rc(Commands.nvRead(INDEX, NONE, INDEX, 8, 0))).isEqualTo(0x9A2);
        assertThat(NvTesting.read(h, OWNER, NONE, INDEX, 8, 0)).as("failures are not counted").isEqualTo(pin(1, 2));
        assertThat(NvTesting.read(h, INDEX, PW, INDEX, 8, 0)).isEqualTo(pin(2, 2));
        assertThat(h.rc(Commands.nvRead(INDEX, PW, INDEX, 8, 0))).isEqualTo(AUTH_UNAVAILABLE);
    }

    @Test
    void pinFailIndexesCountFailuresAndResetOnSuccess() {
        TpmHarness h = TpmHarness.started();
        NvTesting.define(h, OWNER, PW, INDEX, TpmAlgId.SHA256, OWNERREAD | OWNERWRITE | NO_DA | (NT_PIN_FAIL << 4), 8);
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, pin(0, 2), 0)));
        assertThat(h.rc(Commands.nvRead(INDEX, NONE, INDEX, 8, 0))).isEqualTo(0x9A2);
        assertThat(NvTesting.read(h, OWNER, NONE, INDEX, 8, 0)).isEqualTo(pin(1, 2));
        assertThat(NvTesting.read(h, INDEX, PW, INDEX, 8, 0)).isEqualTo(pin(0, 2));
        assertThat(h.rc(Commands.nvRead(INDEX, NONE, INDEX, 8, 0))).isEqualTo(0x9A2);
        assertThat(h.rc(Commands.nvRead(INDEX, NONE, INDEX, 8, 0))).isEqualTo(0x9A2);
        assertThat(h.rc(Commands.nvRead(INDEX, PW, INDEX, 8, 0))).as("limit reached").isEqualTo(AUTH_UNAVAILABLE);
        assertThat(NvTesting.read(h, OWNER, NONE, INDEX, 8, 0)).isEqualTo(pin(2, 2));
    }
}
