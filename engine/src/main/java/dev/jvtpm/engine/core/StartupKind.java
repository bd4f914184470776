package dev.jvtpm.engine.core;

/** What a TPM2_Startup turned out to be (Part 1 "TPM Operational States"). */
public enum StartupKind {
    /** Startup(CLEAR) after Shutdown(CLEAR) or no shutdown: new null seed, counters reset. */
    RESET,
    /** Startup(CLEAR) after Shutdown(STATE): restartCount++, null seed kept, PCRs reset. */
    RESTART,
    /** Startup(STATE) after Shutdown(STATE): restartCount++, saved PCRs and state restored. */
    RESUME
}
