package dev.jvtpm.engine.command.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Part 3 §24.2 HierarchyControl and §24.8 HierarchyChangeAuth. */
class HierarchyCommandsTest {
    private static final byte[] NONE = new byte[0];
    private static final byte[] SECRET = "secret".getBytes(StandardCharsets.US_ASCII);
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int ENDORSEMENT = TpmHandles.RH_ENDORSEMENT;
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;
    private static final int PLATFORM_NV = TpmHandles.RH_PLATFORM_NV;

    /** Any owner-authorized command: ClockSet to the current Clock is a harmless probe. */
    private static int ownerAuthRc(TpmHarness h, int hierarchy, byte[] pw) {
        return h.rc(Commands.clockRateAdjust(hierarchy, pw, 0));
    }

    static int property(TpmHarness h, int pt) throws Exception {
        TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1))).body();
        r.skip(1 + 4 + 4 + 4);
        return r.u32();
    }

    @Test
    void changeAuthOfEveryHierarchy() throws Exception {
        TpmHarness h = TpmHarness.started();
        for (int hierarchy : new int[] {OWNER, ENDORSEMENT, PLATFORM, TpmHandles.RH_LOCKOUT}) {
            h.ok(h.call(Commands.hierarchyChangeAuth(hierarchy, NONE, SECRET)));
            assertThat(h.rc(Commands.hierarchyChangeAuth(hierarchy, NONE, NONE))).isEqualTo(
                    hierarchy == TpmHandles.RH_LOCKOUT ? 0x98E : 0x9A2);
        }
        assertThat(ownerAuthRc(h, OWNER, SECRET)).isZero();
        assertThat(ownerAuthRc(h, PLATFORM, SECRET)).isZero();
        // ownerAuthSet, endorsementAuthSet, lockoutAuthSet; tpmGeneratedEPS.
        assertThat(property(h, TpmPt.PERMANENT)).isEqualTo(0x407);
    }

    @Test
    void newAuthLosesTrailingZerosAndIsAtMost64Bytes() throws Exception {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.hierarchyChangeAuth(OWNER, NONE, new byte[] {0, 0})));
        assertThat(property(h, TpmPt.PERMANENT) & 1).as("all-zero auth is the empty auth").isZero();
        h.ok(h.call(Commands.hierarchyChangeAuth(OWNER, NONE, new byte[] {'a', 0, 0})));
        assertThat(ownerAuthRc(h, OWNER, new byte[] {'a'})).isZero();
        assertThat(h.rc(Commands.hierarchyChangeAuth(OWNER, new byte[] {'a'}, new byte[64]))).isZero();
        assertThat(h.rc(Commands.hierarchyChangeAuth(OWNER, NONE, new byte[65]))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.hierarchyChangeAuth(TpmHandles.RH_NULL, NONE, NONE))).isEqualTo(0x184);
    }

    @Test
    void ownerAuthPersistsButPlatformAuthLastsUntilStartupClear() {
        TpmHarness h = TpmHarness.started(TpmConfig.builder().stateStore(new InMemoryStateStore()).build());
        h.ok(h.call(Commands.hierarchyChangeAuth(OWNER, NONE, SECRET)));
        h.ok(h.call(Commands.hierarchyChangeAuth(PLATFORM, NONE, SECRET)));
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(1)));
        assertThat(ownerAuthRc(h, PLATFORM, SECRET)).as("Resume keeps platformAuth").isZero();
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(ownerAuthRc(h, PLATFORM, NONE)).as("Restart clears platformAuth").isZero();
        assertThat(ownerAuthRc(h, OWNER, SECRET)).isZero();
    }

    @Test
    void ownHierarchyMayOnlyBeDisabledByItselfAndEnabledByPlatform() throws Exception {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.hierarchyControl(ENDORSEMENT, NONE, OWNER, false))).isEqualTo(0x124);
        assertThat(h.rc(Commands.hierarchyControl(OWNER, NONE, PLATFORM, false))).isEqualTo(0x124);
        assertThat(h.rc(Commands.hierarchyControl(OWNER, NONE, PLATFORM_NV, false))).isEqualTo(0x124);
        h.ok(h.call(Commands.hierarchyControl(OWNER, NONE, OWNER, false)));
        assertThat(ownerAuthRc(h, OWNER, NONE)).isEqualTo(0x185);
        assertThat(h.rc(Commands.hierarchyControl(OWNER, NONE, OWNER, true))).isEqualTo(0x185);
        h.ok(h.call(Commands.hierarchyControl(ENDORSEMENT, NONE, ENDORSEMENT, false)));
        assertThat(property(h, TpmPt.STARTUP_CLEAR) & 0xF).isEqualTo(0b1001);
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, NONE, OWNER, true)));
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, NONE, ENDORSEMENT, true)));
        assertThat(ownerAuthRc(h, OWNER, NONE)).isZero();
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, NONE, PLATFORM_NV, false)));
        assertThat(property(h, TpmPt.STARTUP_CLEAR) & 0xF).isEqualTo(0b0111);
    }

    @Test
    void disabledPlatformHierarchyComesBackOnlyWithStartup() throws Exception {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, NONE, PLATFORM, false)));
        assertThat(ownerAuthRc(h, PLATFORM, NONE)).isEqualTo(0x185);
        assertThat(h.rc(Commands.hierarchyControl(PLATFORM, NONE, PLATFORM, true))).isEqualTo(0x185);
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(1)));
        assertThat(ownerAuthRc(h, PLATFORM, NONE)).as("even a Resume enables the platform hierarchy").isZero();
    }

    @Test
    void aChangeEndsAPendingOrderlyShutdownButANoOpDoesNot() {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.shutdown(1)));
        h.ok(h.call(Commands.hierarchyControl(PLATFORM, NONE, OWNER, true)));
        h.powerCycle();
        assertThat(h.rc(Commands.startup(1))).as("no-op keeps the saved state").isZero();
        h.ok(h.call(Commands.shutdown(1)));
        h.ok(h.call(Commands.hierarchyControl(OWNER, NONE, OWNER, false)));
        h.powerCycle();
        assertThat(h.rc(Commands.startup(1))).isEqualTo(0x1C4);
    }

    @Test
    void parameterErrors() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.hierarchyControl(PLATFORM, NONE, TpmHandles.RH_LOCKOUT, false))).isEqualTo(0x1C4);
        byte[] badState = Commands.hierarchyControl(PLATFORM, NONE, OWNER, false);
        badState[badState.length - 1] = 2;
        assertThat(h.rc(badState)).isEqualTo(0x2C4);
        assertThat(h.rc(Commands.hierarchyControl(TpmHandles.RH_LOCKOUT, NONE, OWNER, false))).isEqualTo(0x184);
    }
}
