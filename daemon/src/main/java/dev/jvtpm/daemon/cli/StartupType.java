package dev.jvtpm.daemon.cli;

import dev.jvtpm.engine.types.TpmSu;

/** What {@code --flags startup-*} makes the daemon send once at start. */
public enum StartupType {
    NONE(-1), CLEAR(TpmSu.CLEAR), STATE(TpmSu.STATE);

    private final int su;

    StartupType(int su) {
        this.su = su;
    }

    /** The TPM_SU value for TPM2_Startup. */
    public int su() {
        return su;
    }
}
