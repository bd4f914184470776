package dev.jvtpm.engine;

import dev.jvtpm.engine.core.TpmCore;

/** Test access to a {@link Tpm}'s internals (proof values for recomputing tickets, etc.). */
public final class TpmInternals {
    private TpmInternals() {}

    public static TpmCore core(Tpm tpm) {
        return tpm.core();
    }
}
