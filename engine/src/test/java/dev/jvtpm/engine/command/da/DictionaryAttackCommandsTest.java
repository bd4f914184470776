package dev.jvtpm.engine.command.da;

import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import org.junit.jupiter.api.Test;

/** Part 3 §25.2 DictionaryAttackLockReset and §25.3 DictionaryAttackParameters (lockout behaviour: DictionaryAttackTest). */
class DictionaryAttackCommandsTest {
    @Test
    void parametersArePersistentAndReportedAsProperties() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.property(TpmPt.MAX_AUTH_FAIL)).isEqualTo(3);
        assertThat(h.property(TpmPt.LOCKOUT_INTERVAL)).isEqualTo(1000);
        assertThat(h.property(TpmPt.LOCKOUT_RECOVERY)).isEqualTo(1000);
        h.ok(h.call(Commands.dictionaryAttackParameters(NONE, 32, 7200, 86400)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(h.property(TpmPt.MAX_AUTH_FAIL)).isEqualTo(32);
        assertThat(h.property(TpmPt.LOCKOUT_INTERVAL)).isEqualTo(7200);
        assertThat(h.property(TpmPt.LOCKOUT_RECOVERY)).isEqualTo(86400);
    }

    @Test
    void onlyLockoutAuthorizationIsAccepted() {
        TpmHarness h = TpmHarness.started();
        for (int other : new int[] {TpmHandles.RH_OWNER, TpmHandles.RH_PLATFORM, TpmHandles.RH_ENDORSEMENT}) {
            assertThat(h.rc(Commands.withPassword(0x139, other, NONE, w -> { }))).isEqualTo(0x184);
            assertThat(h.rc(Commands.withPassword(0x13A, other, NONE, w -> w.u32(1).u32(1).u32(1)))).isEqualTo(0x184);
        }
        assertThat(h.rc(Commands.dictionaryAttackLockReset(NONE))).isZero();
        assertThat(h.rc(Commands.withPassword(0x13A, TpmHandles.RH_LOCKOUT, NONE, w -> w.u32(1).u32(1))))
                .isEqualTo(0x3DA);
    }
}
