package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.PersistentData;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * Dictionary-attack protection (Part 1 "Dictionary Attack Protection"; libtpms DA.c and the DA
 * parts of SessionProcess.c, built with USE_DA_USED and ACCUMULATE_SELF_HEAL_TIMER).
 *
 * <p>Authorization failures against DA-protected entities count in failedTries; at maxTries the
 * TPM is in lockout (TPM_RC_LOCKOUT) for them. One failure is forgiven per recoveryTime seconds
 * of Time (recoveryTime 0 disables the protection). A failure of lockoutAuth itself disables
 * lockoutAuth for lockoutRecovery seconds, or until the next Startup when that is 0.
 *
 * <p>The timers count Time (ms since _TPM_Init), not Clock: they are {@code go.selfHealTimer}
 * and {@code go.lockoutTimer}, and an orderly shutdown saves Time in {@code go.time} so the next
 * Startup rebases them and the healing accumulates over powered time across power cycles; after
 * a non-orderly shutdown both start over.
 *
 * <p>DA_USED: the first DA-protected authValue check after Startup (or after Shutdown) does not
 * happen; instead the TPM records SU_DA_USED as its orderly state and answers TPM_RC_RETRY, so
 * that a TPM killed during a guessing attempt counts one failure at the next Startup even if
 * the failure itself never reached NV.
 */
public final class DictionaryAttack {
    private DictionaryAttack() {}

    /** DAPreInstall_Init: the manufacturer defaults, restored by TPM2_Clear. */
    public static void preInstall(TpmCore core) {
        core.gp.failedTries = 0;
        core.gp.maxTries = 3;
        core.gp.recoveryTime = 1000;
        core.gp.lockoutRecovery = 1000;
        core.gp.lockoutAuthEnabled = true;
        core.markPersistentDirty();
    }

    /**
     * DAStartup, after Startup has worked out the previous orderly state: rebase or restart the
     * timers, re-enable lockoutAuth when lockoutRecovery is 0, and count a failure for a
     * non-orderly shutdown that happened while DA was in use.
     */
    public static void startup(TpmCore core, int previousOrderlyState) {
        if (Lifecycle.isOrderly(previousOrderlyState)) {
            core.go.selfHealTimer -= core.go.time;
            core.go.lockoutTimer -= core.go.time;
        } else {
            core.go.selfHealTimer = 0;
            core.go.lockoutTimer = 0;
        }
        if (core.gp.lockoutRecovery == 0) {
            core.gp.lockoutAuthEnabled = true;
        }
        if (core.gp.recoveryTime != 0 && Integer.compareUnsigned(core.gp.failedTries, core.gp.maxTries) < 0
                && !Lifecycle.isOrderly(previousOrderlyState)) {
            if (core.daUsed) {
                core.gp.failedTries++;
            }
            core.daUsed = false;
        }
        core.markPersistentDirty();
        selfHeal(core);
    }

    /** Whether the TPM is in lockout for DA-protected entities (TPMA_PERMANENT.inLockout). */
    public static boolean inLockout(TpmCore core) {
        return Integer.compareUnsigned(core.gp.failedTries, core.gp.maxTries) >= 0;
    }

    /**
     * CheckLockedOut, for an entity whose authValue a session is about to use: TPM_RC_LOCKOUT for
     * lockoutAuth while it is disabled, and for other DA-protected entities in lockout; and
     * TPM_RC_RETRY for the first DA-protected use since Startup or Shutdown (DA_USED).
     */
    public static void checkLockedOut(TpmCore core, Entity entity) throws TpmException {
        if (!entity.daProtected()) {
            return;
        }
        checkLockedOut(core, entity.handle() == TpmHandles.RH_LOCKOUT);
    }

    /**
     * CheckLockedOut for a DA-protected use: of lockoutAuth ({@code lockoutAuth}, also a session
     * bound to it), refused while lockoutAuth is disabled; of anything else (including a session
     * bound to a DA-protected entity), refused in lockout, and deferred with TPM_RC_RETRY when it
     * is the first since Startup or Shutdown (DA_USED).
     */
    public static void checkLockedOut(TpmCore core, boolean lockoutAuth) throws TpmException {
        if (lockoutAuth) {
            if (!core.gp.lockoutAuthEnabled) {
                throw new TpmException(TpmRc.LOCKOUT);
            }
            return;
        }
        if (inLockout(core)) {
            throw new TpmException(TpmRc.LOCKOUT);
        }
        if (!core.daUsed) {
            core.daUsed = true;
            core.gp.orderlyState = PersistentData.SU_DA_USED;
            core.markPersistentDirty();
            throw new TpmException(TpmRc.RETRY);
        }
    }

    /**
     * IncrementLockout for a password or HMAC session: the code to report, TPM_RC_BAD_AUTH for
     * entities exempt from DA, else TPM_RC_AUTH_FAIL after counting the failure (and restarting
     * the self-healing timer) or disabling lockoutAuth (and starting its recovery timer).
     */
    public static int recordFailure(TpmCore core, Entity entity) {
        if (!entity.daProtected()) {
            return TpmRc.BAD_AUTH;
        }
        return registerFailure(core, entity.handle() == TpmHandles.RH_LOCKOUT);
    }

    /**
     * IncrementLockout once DA applies: a failure of lockoutAuth ({@code lockout}) disables it and
     * starts its recovery timer, any other counts in failedTries and restarts the self-healing
     * timer; returns TPM_RC_AUTH_FAIL.
     */
    public static int registerFailure(TpmCore core, boolean lockout) {
        if (lockout) {
            core.gp.lockoutAuthEnabled = false;
            core.go.lockoutTimer = core.clock.time();
        } else {
            if (core.gp.recoveryTime != 0) {
                core.gp.failedTries++;
            }
            core.go.selfHealTimer = core.clock.time();
        }
        core.markPersistentDirty();
        return TpmRc.AUTH_FAIL;
    }

    /**
     * DASelfHeal, run with every Time update of a started TPM: forgives one failure per
     * recoveryTime seconds since the self-healing timer (all of them at once when recoveryTime is
     * 0), and re-enables lockoutAuth lockoutRecovery seconds after its failure (never, until the
     * next Startup, when lockoutRecovery is 0). Arithmetic is the reference's unsigned 64-bit.
     */
    public static void selfHeal(TpmCore core) {
        long now = core.clock.time();
        if (core.gp.failedTries != 0) {
            if (core.gp.recoveryTime == 0) {
                core.gp.failedTries = 0;
                core.markPersistentDirty();
            } else {
                long recovery = Integer.toUnsignedLong(core.gp.recoveryTime);
                long decrease = Long.divideUnsigned(Long.divideUnsigned(now - core.go.selfHealTimer, 1000), recovery);
                if (Long.compareUnsigned(Integer.toUnsignedLong(core.gp.failedTries), decrease) <= 0) {
                    core.gp.failedTries = 0;
                } else {
                    core.gp.failedTries -= (int) decrease;
                }
                core.go.selfHealTimer += decrease * recovery * 1000;
                if (decrease != 0) {
                    core.markPersistentDirty();
                }
            }
        }
        if (!core.gp.lockoutAuthEnabled && core.gp.lockoutRecovery != 0) {
            long elapsed = Long.divideUnsigned(now - core.go.lockoutTimer, 1000);
            if (Long.compareUnsigned(elapsed, Integer.toUnsignedLong(core.gp.lockoutRecovery)) >= 0) {
                core.gp.lockoutAuthEnabled = true;
                core.markPersistentDirty();
            }
        }
    }
}
