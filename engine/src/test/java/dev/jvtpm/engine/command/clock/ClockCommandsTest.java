package dev.jvtpm.engine.command.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ManualTime;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.testing.TpmHarness.ClockInfo;
import dev.jvtpm.engine.types.TpmHandles;
import org.junit.jupiter.api.Test;

/** Part 3 §29: ReadClock, ClockSet, ClockRateAdjust, with a hand-driven platform tick. */
class ClockCommandsTest {
    private static final byte[] NONE = new byte[0];

    private final ManualTime time = new ManualTime();

    private TpmHarness started() {
        return TpmHarness.started(TpmConfig.builder().time(time).stateStore(new InMemoryStateStore()).build());
    }

    @Test
    void timeAndClockFollowThePlatformTick() {
        TpmHarness h = started();
        ClockInfo before = h.readClock();
        time.advance(5000);
        ClockInfo after = h.readClock();
        assertThat(after.time() - before.time()).isEqualTo(5000);
        assertThat(after.clock() - before.clock()).isEqualTo(5000);
        assertThat(after.resetCount()).isEqualTo(1);
        assertThat(after.restartCount()).isZero();
        assertThat(after.safe()).isTrue();
    }

    @Test
    void clockSetOnlyMovesForwardWithOwnerOrPlatformAuth() {
        TpmHarness h = started();
        time.advance(100);
        long now = h.readClock().clock();
        assertThat(h.rc(Commands.clockSet(TpmHandles.RH_OWNER, NONE, now - 1))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.clockSet(TpmHandles.RH_OWNER, NONE, 0xFFFF000000000001L))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.clockSet(TpmHandles.RH_ENDORSEMENT, NONE, now + 10))).isEqualTo(0x184);
        assertThat(h.rc(Commands.clockSet(TpmHandles.RH_OWNER, new byte[] {1}, now + 10))).isEqualTo(0x9A2);
        h.ok(h.call(Commands.clockSet(TpmHandles.RH_PLATFORM, NONE, 1_000_000)));
        assertThat(h.readClock().clock()).isEqualTo(1_000_000);
        h.ok(h.call(Commands.clockSet(TpmHandles.RH_OWNER, NONE, 0xFFFF000000000000L)));
        assertThat(h.readClock().clock()).isEqualTo(0xFFFF000000000000L);
    }

    @Test
    void aSetClockSurvivesAPowerCycle() {
        TpmHarness h = started();
        h.ok(h.call(Commands.clockSet(TpmHandles.RH_OWNER, NONE, 1L << 32)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(h.readClock().clock()).isGreaterThanOrEqualTo(1L << 32);
    }

    @Test
    void clockIsUnsafeAfterAnUncleanRestartUntilTheNextUpdateBoundary() {
        TpmHarness h = started();
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        ClockInfo c = h.readClock();
        assertThat(c.safe()).isFalse();
        assertThat(c.resetCount()).isEqualTo(2);
        time.advance(4096);
        assertThat(h.readClock().safe()).isTrue();
    }

    @Test
    void rateAdjustChangesHowFastTimeRuns() {
        TpmHarness h = started();
        h.ok(h.call(Commands.clockRateAdjust(TpmHandles.RH_OWNER, NONE, 3)));
        long t0 = h.readClock().time();
        time.advance(29_700);
        // Coarse faster: the tick period drops from 30000 to 29700.
        assertThat(h.readClock().time() - t0).isEqualTo(30_000);
        h.ok(h.call(Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, NONE, -3)));
        h.ok(h.call(Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, NONE, -3)));
        t0 = h.readClock().time();
        time.advance(30_300);
        assertThat(h.readClock().time() - t0).isEqualTo(30_000);
        assertThat(h.rc(Commands.clockRateAdjust(TpmHandles.RH_OWNER, NONE, 4))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.clockRateAdjust(TpmHandles.RH_OWNER, NONE, 0xFC))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.clockRateAdjust(TpmHandles.RH_OWNER, NONE, 0))).isZero();
    }

    @Test
    void rateIsBoundedAndNominalAgainAfterInit() {
        TpmHarness h = started();
        for (int i = 0; i < 30; i++) {
            h.ok(h.call(Commands.clockRateAdjust(TpmHandles.RH_OWNER, NONE, -3)));
        }
        long t0 = h.readClock().time();
        time.advance(35_000);
        assertThat(h.readClock().time() - t0).as("limit: period 35000").isEqualTo(30_000);
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        t0 = h.readClock().time();
        time.advance(1000);
        assertThat(h.readClock().time() - t0).isEqualTo(1000);
    }
}
