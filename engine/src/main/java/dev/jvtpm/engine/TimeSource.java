package dev.jvtpm.engine;

/** Monotonic milliseconds for the TPM's Time and Clock. Tests substitute a controllable source. */
public interface TimeSource {
    /** Milliseconds from an arbitrary origin; never decreases. */
    long monotonicMillis();

    static TimeSource system() {
        return () -> System.nanoTime() / 1_000_000L;
    }
}
