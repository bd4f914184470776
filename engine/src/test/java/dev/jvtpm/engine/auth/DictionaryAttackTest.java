package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ManualTime;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dictionary-attack protection (Part 1 "Dictionary Attack Protection", libtpms DA.c): lockout at
 * maxTries, self-healing over powered Time (carried across orderly power cycles), lockoutAuth's
 * own lockout, DA_USED and the failure counted for a crash. Time is driven by hand.
 */
class DictionaryAttackTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int INDEX = 0x01000000;
    private static final byte[] PIN = "1234".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRONG = "0000".getBytes(StandardCharsets.US_ASCII);
    private static final int RETRY = 0x922;
    private static final int LOCKOUT = 0x921;
    private static final int AUTH_FAIL = 0x98E;

    private final ManualTime time = new ManualTime();
    private TpmHarness h;

    @BeforeEach
    void start() {
        h = TpmHarness.started(TpmConfig.builder().time(time).build());
        assertThat(NvTesting.define(h, OWNER, PIN, INDEX, TpmAlgId.SHA256,
                OWNERREAD | OWNERWRITE | AUTHREAD | AUTHWRITE, 4)).isZero();
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, PIN, 0)));
    }

    private int readWith(byte[] pw) {
        return h.rc(Commands.nvRead(INDEX, pw, INDEX, 4, 0));
    }

    private void seconds(long s) {
        time.advance(s * 1000);
    }

    private void powerCycle(boolean orderly) {
        if (orderly) {
            h.ok(h.call(Commands.shutdown(0)));
        }
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
    }

    @Test
    void bruteForceEndsInLockoutThatSurvivesPowerCyclesUntilLockReset() {
        assertThat(readWith(WRONG)).as("DA_USED: the first guess is deferred").isEqualTo(RETRY);
        for (int i = 0; i < 3; i++) {
            assertThat(readWith(WRONG)).as("guess " + i).isEqualTo(AUTH_FAIL);
        }
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(3);
        assertThat(h.property(TpmPt.PERMANENT) & (1 << 9)).as("inLockout").isNotZero();
        assertThat(readWith(WRONG)).isEqualTo(LOCKOUT);
        assertThat(readWith(PIN)).as("even the right PIN").isEqualTo(LOCKOUT);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).as("lockout attempts do not count").isEqualTo(3);
        powerCycle(false);
        assertThat(readWith(PIN)).isEqualTo(LOCKOUT);
        powerCycle(true);
        assertThat(readWith(PIN)).isEqualTo(LOCKOUT);
        assertThat(h.rc(Commands.nvRead(OWNER, NONE, INDEX, 4, 0))).as("hierarchies are not DA-protected").isZero();
        h.ok(h.call(Commands.dictionaryAttackLockReset(NONE)));
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isZero();
        assertThat(readWith(PIN)).isEqualTo(RETRY);
        assertThat(readWith(PIN)).isZero();
    }

    @Test
    void oneFailureIsForgivenPerRecoveryTimeOfPoweredTime() {
        h.ok(h.call(Commands.dictionaryAttackParameters(NONE, 3, 10, 100)));
        readWith(WRONG);
        for (int i = 0; i < 3; i++) {
            readWith(WRONG);
        }
        assertThat(readWith(PIN)).isEqualTo(LOCKOUT);
        seconds(9);
        assertThat(readWith(PIN)).isEqualTo(LOCKOUT);
        seconds(1);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(2);
        assertThat(readWith(PIN)).isZero();
        seconds(25);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).as("two more after 20 s, 5 s towards the next").isZero();
    }

    @Test
    void healingTimeAccumulatesAcrossOrderlyPowerCyclesOnly() {
        h.ok(h.call(Commands.dictionaryAttackParameters(NONE, 3, 10, 100)));
        readWith(WRONG);
        readWith(WRONG);
        seconds(6);
        powerCycle(true);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(1);
        seconds(4);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).as("6 s before + 4 s after the orderly cycle").isZero();

        assertThat(readWith(WRONG)).as("first DA use after Startup").isEqualTo(RETRY);
        assertThat(readWith(WRONG)).isEqualTo(AUTH_FAIL);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(1);
        seconds(6);
        powerCycle(false);
        // The crash restarts the timer and, DA having been used, counts as a failure.
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(2);
        seconds(9);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(2);
        seconds(1);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(1);
    }

    @Test
    void aCrashCountsAsAFailureOnlyIfDaWasUsed() {
        powerCycle(false);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).as("no DA use in that cycle").isZero();
        assertThat(readWith(PIN)).isEqualTo(RETRY);
        assertThat(readWith(PIN)).isZero();
        powerCycle(false);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isEqualTo(1);
        assertThat(readWith(PIN)).isEqualTo(RETRY);
        h.ok(h.call(Commands.shutdown(0)));
        assertThat(readWith(PIN)).as("DA use after Shutdown is deferred again").isEqualTo(RETRY);
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).as("that made the shutdown non-orderly").isEqualTo(2);
        h.ok(h.call(Commands.dictionaryAttackParameters(NONE, 3, 0, 100)));
        readWith(PIN);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).as("recoveryTime 0 disables DA").isZero();
    }

    @Test
    void lockoutAuthLocksItselfForLockoutRecovery() {
        byte[] lockout = "lockout".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_LOCKOUT, NONE, lockout)));
        h.ok(h.call(Commands.dictionaryAttackParameters(lockout, 3, 10, 30)));
        assertThat(h.rc(Commands.dictionaryAttackLockReset(WRONG))).isEqualTo(AUTH_FAIL);
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).as("lockoutAuth failures do not count").isZero();
        assertThat(h.rc(Commands.dictionaryAttackLockReset(lockout))).isEqualTo(LOCKOUT);
        seconds(29);
        assertThat(h.rc(Commands.dictionaryAttackLockReset(lockout))).isEqualTo(LOCKOUT);
        seconds(1);
        assertThat(h.rc(Commands.dictionaryAttackLockReset(lockout))).isZero();

        h.ok(h.call(Commands.dictionaryAttackParameters(lockout, 3, 10, 0)));
        assertThat(h.rc(Commands.dictionaryAttackLockReset(WRONG))).isEqualTo(AUTH_FAIL);
        seconds(100_000);
        assertThat(h.rc(Commands.dictionaryAttackLockReset(lockout))).as("lockoutRecovery 0: until Startup")
                .isEqualTo(LOCKOUT);
        powerCycle(false);
        assertThat(h.rc(Commands.dictionaryAttackLockReset(lockout))).isZero();
    }

    @Test
    void noDaIndexesAndHierarchiesAnswerBadAuthWithoutCounting() {
        assertThat(NvTesting.define(h, OWNER, PIN, INDEX + 1, TpmAlgId.SHA256,
                OWNERREAD | OWNERWRITE | AUTHREAD | AUTHWRITE | NO_DA, 4)).isZero();
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX + 1, PIN, 0)));
        for (int i = 0; i < 5; i++) {
            assertThat(h.rc(Commands.nvRead(INDEX + 1, WRONG, INDEX + 1, 4, 0))).isEqualTo(0x9A2);
            assertThat(h.rc(Commands.nvRead(OWNER, WRONG, INDEX + 1, 4, 0))).isEqualTo(0x9A2);
        }
        assertThat(h.property(TpmPt.LOCKOUT_COUNTER)).isZero();
        assertThat(h.rc(Commands.nvRead(INDEX + 1, PIN, INDEX + 1, 4, 0))).as("no DA_USED either").isZero();
    }
}
