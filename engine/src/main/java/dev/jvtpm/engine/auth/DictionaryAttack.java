package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.PersistentData;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * Dictionary-attack protection (Part 1 §19.8): failedTries against maxTries for DA-protected
 * entities, and the separate lockout of lockoutAuth itself after one failure.
 */
public final class DictionaryAttack {
    private DictionaryAttack() {}

    /**
     * CheckLockedOut: TPM_RC_LOCKOUT when {@code entity} may not be authorized by value right
     * now. For the first DA-protected entity other than lockoutAuth since Startup (g_daUsed clear),
     * the TPM first records SU_DA_USED as its orderly state, so that a power loss after a failure
     * still counts it, and answers TPM_RC_RETRY; the caller sends the command again.
     */
    public static void checkLockedOut(TpmCore core, Entity entity) throws TpmException {
        if (!entity.daProtected()) {
            return;
        }
        checkLockedOut(core, entity.handle() == TpmHandles.RH_LOCKOUT);
    }

    /**
     * CheckLockedOut: TPM_RC_LOCKOUT when lockoutAuth is disabled ({@code lockoutAuth}) or
     * failedTries has reached maxTries (any other DA-protected use, including a session bound to
     * a DA-protected entity).
     */
    public static void checkLockedOut(TpmCore core, boolean lockoutAuth) throws TpmException {
        selfHeal(core);
        if (lockoutAuth) {
            if (!core.gp.lockoutAuthEnabled) {
                throw new TpmException(TpmRc.LOCKOUT);
            }
        } else {
            if (core.gp.failedTries >= core.gp.maxTries) {
                throw new TpmException(TpmRc.LOCKOUT);
            }
            if (!core.daUsed) {
                core.daUsed = true;
                core.gp.orderlyState = PersistentData.SU_DA_USED;
                core.markPersistentDirty();
                throw new TpmException(TpmRc.RETRY);
            }
        }
    }

    /**
     * Records an authorization failure against {@code entity}; returns the code to report:
     * TPM_RC_BAD_AUTH for entities exempt from DA, TPM_RC_AUTH_FAIL otherwise.
     */
    public static int recordFailure(TpmCore core, Entity entity) {
        if (!entity.daProtected()) {
            return TpmRc.BAD_AUTH;
        }
        return registerFailure(core, entity.handle() == TpmHandles.RH_LOCKOUT);
    }

    /**
     * IncrementLockout once DA applies: a failure of lockoutAuth ({@code lockout}) disables it,
     * any other counts in failedTries; returns TPM_RC_AUTH_FAIL.
     */
    public static int registerFailure(TpmCore core, boolean lockout) {
        if (lockout) {
            core.gp.lockoutAuthEnabled = false;
            core.go.lockoutTimer = core.clock.time();
        } else {
            // recoveryTime 0 disables DA protection: failures are not counted (IncrementLockout).
            if (core.gp.recoveryTime != 0) {
                core.gp.failedTries++;
            }
            core.go.selfHealTimer = core.clock.time();
        }
        core.markPersistentDirty();
        return TpmRc.AUTH_FAIL;
    }

    /**
     * DASelfHeal: one failedTries is forgiven per recoveryTime seconds of Time, and lockoutAuth is
     * re-enabled after lockoutRecovery seconds (never, until a TPM Reset, when it is zero).
     */
    public static void selfHeal(TpmCore core) {
        long now = core.clock.time();
        if (core.gp.failedTries > 0 && core.gp.recoveryTime != 0) {
            long elapsed = (now - core.go.selfHealTimer) / 1000;
            if (elapsed >= core.gp.recoveryTime) {
                long decrements = elapsed / core.gp.recoveryTime;
                core.gp.failedTries = (int) Math.max(0, core.gp.failedTries - decrements);
                core.go.selfHealTimer += decrements * core.gp.recoveryTime * 1000L;
                core.markPersistentDirty();
            }
        }
        if (!core.gp.lockoutAuthEnabled && core.gp.lockoutRecovery != 0) {
            if ((now - core.go.lockoutTimer) / 1000 >= core.gp.lockoutRecovery) {
                core.gp.lockoutAuthEnabled = true;
                core.markPersistentDirty();
            }
        }
    }
}
