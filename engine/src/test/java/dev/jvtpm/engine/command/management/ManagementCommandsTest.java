package dev.jvtpm.engine.command.management;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import org.junit.jupiter.api.Test;

/** Part 3 §26.2 PP_Commands and §26.3 SetAlgorithmSet. */
class ManagementCommandsTest {
    private static final byte[] NONE = new byte[0];
    private static final int[] NO_CODES = new int[0];
    /** TPM_RC_PP at session 1. */
    private static final int RC_PP_S1 = 0x990;

    private static TpmHarness persistentTpm() {
        return TpmHarness.started(TpmConfig.builder().stateStore(new InMemoryStateStore()).build());
    }

    private static int clockRateAdjustByPlatform(TpmHarness h) {
        return h.rc(Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, NONE, 0));
    }

    @Test
    void ppCommandsItselfNeedsPhysicalPresence() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.capabilityList(TpmCap.PP_COMMANDS, 0, 254)).containsExactly(TpmCc.PP_COMMANDS);
        assertThat(h.rc(Commands.ppCommands(NONE, new int[] {TpmCc.CLOCK_RATE_ADJUST}, NO_CODES))).isEqualTo(RC_PP_S1);
        assertThat(h.capabilityList(TpmCap.PP_COMMANDS, 0, 254)).containsExactly(TpmCc.PP_COMMANDS);
        h.tpm().setPhysicalPresence(true);
        h.ok(h.call(Commands.ppCommands(NONE, new int[] {TpmCc.CLOCK_RATE_ADJUST}, NO_CODES)));
        assertThat(h.capabilityList(TpmCap.PP_COMMANDS, 0, 254))
                .containsExactly(TpmCc.PP_COMMANDS, TpmCc.CLOCK_RATE_ADJUST);
    }

    @Test
    void onlyImplementedPhysicalPresenceCommandsAreAddedAndPpCommandsIsNeverRemoved() {
        TpmHarness h = TpmHarness.started();
        h.tpm().setPhysicalPresence(true);
        int unimplemented = 0x1FFF;
        h.ok(h.call(Commands.ppCommands(NONE,
                new int[] {TpmCc.CLEAR, TpmCc.GET_RANDOM, unimplemented, TpmCc.CLOCK_RATE_ADJUST, TpmCc.CLEAR},
                new int[] {TpmCc.PP_COMMANDS, TpmCc.GET_RANDOM, unimplemented})));
        assertThat(h.capabilityList(TpmCap.PP_COMMANDS, 0, 254))
                .containsExactly(TpmCc.CLEAR, TpmCc.PP_COMMANDS, TpmCc.CLOCK_RATE_ADJUST);
        // setList is applied before clearList: a code in both ends up cleared.
        h.ok(h.call(Commands.ppCommands(NONE, new int[] {TpmCc.CLEAR}, new int[] {TpmCc.CLEAR})));
        assertThat(h.capabilityList(TpmCap.PP_COMMANDS, 0, 254))
                .containsExactly(TpmCc.PP_COMMANDS, TpmCc.CLOCK_RATE_ADJUST);
        // Paging from a code on.
        assertThat(h.capabilityList(TpmCap.PP_COMMANDS, TpmCc.PP_COMMANDS + 1, 254))
                .containsExactly(TpmCc.CLOCK_RATE_ADJUST);
    }

    @Test
    void listedCommandsNeedPhysicalPresenceForPlatformAuthorizationOnly() {
        TpmHarness h = TpmHarness.started();
        h.tpm().setPhysicalPresence(true);
        h.ok(h.call(Commands.ppCommands(NONE, new int[] {TpmCc.CLOCK_RATE_ADJUST}, NO_CODES)));
        assertThat(clockRateAdjustByPlatform(h)).isZero();
        h.tpm().setPhysicalPresence(false);
        assertThat(clockRateAdjustByPlatform(h)).isEqualTo(RC_PP_S1);
        assertThat(h.rc(Commands.clockRateAdjust(TpmHandles.RH_OWNER, NONE, 0))).as("owner auth").isZero();
        h.tpm().setPhysicalPresence(true);
        h.ok(h.call(Commands.ppCommands(NONE, NO_CODES, new int[] {TpmCc.CLOCK_RATE_ADJUST})));
        h.tpm().setPhysicalPresence(false);
        assertThat(clockRateAdjustByPlatform(h)).isZero();
    }

    @Test
    void ppListIsPersistent() {
        TpmHarness h = persistentTpm();
        h.tpm().setPhysicalPresence(true);
        h.ok(h.call(Commands.ppCommands(NONE, new int[] {TpmCc.CLOCK_RATE_ADJUST}, NO_CODES)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(h.capabilityList(TpmCap.PP_COMMANDS, 0, 254))
                .containsExactly(TpmCc.PP_COMMANDS, TpmCc.CLOCK_RATE_ADJUST);
    }

    @Test
    void ppCommandsMalformedInput() {
        TpmHarness h = TpmHarness.started();
        h.tpm().setPhysicalPresence(true);
        assertThat(h.rc(Commands.ppCommands(NONE, new int[255], NO_CODES))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.ppCommands(NONE, NO_CODES, new int[255]))).isEqualTo(0x2D5);
        assertThat(h.rc(Commands.withPassword(TpmCc.PP_COMMANDS, TpmHandles.RH_OWNER, NONE,
                w -> w.u32(0).u32(0)))).as("owner handle").isEqualTo(0x184);
        assertThat(h.rc(Commands.withPassword(TpmCc.PP_COMMANDS, TpmHandles.RH_PLATFORM, NONE,
                w -> w.u32(1)))).as("truncated setList").isEqualTo(0x1DA);
    }

    @Test
    void algorithmSetIsStoredReportedAndPersistent() {
        TpmHarness h = persistentTpm();
        assertThat(h.property(TpmPt.ALGORITHM_SET)).isZero();
        h.ok(h.call(Commands.setAlgorithmSet(TpmHandles.RH_PLATFORM, NONE, 0xDEADBEEF)));
        assertThat(h.property(TpmPt.ALGORITHM_SET)).isEqualTo(0xDEADBEEF);
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(h.property(TpmPt.ALGORITHM_SET)).isEqualTo(0xDEADBEEF);
        assertThat(h.rc(Commands.setAlgorithmSet(TpmHandles.RH_OWNER, NONE, 1))).isEqualTo(0x184);
        assertThat(h.rc(Commands.setAlgorithmSet(TpmHandles.RH_PLATFORM, new byte[] {1}, 1))).isEqualTo(0x9A2);
    }
}
