package dev.jvtpm.nativebridge.rng;

import dev.jvtpm.engine.crypto.EntropySource;

/**
 * Entropy for the TPM DRBG from RDSEED (or RDRAND where only that exists), checked by SP 800-90B
 * health tests, with the operating system's source as the fallback. A request the instruction
 * cannot serve within its retry budget (RDSEED underflows under contention) is served whole by
 * the fallback; a failed health test (a stuck or biased unit, such as the AMD parts whose RDRAND
 * returned all ones after resume) switches to the fallback for good and is reported. Thread-safe.
 */
public final class CpuEntropySource implements EntropySource {
    /** Start-up test size: SP 800-90B §4.3 asks for at least 1024 samples. */
    static final int STARTUP_SAMPLES = 1024;

    private final RawSource raw;
    private final EntropySource fallback;
    private final HealthTest health = new HealthTest();
    private long cpuBytes;
    private long fallbackRequests;
    private String failure;

    CpuEntropySource(RawSource raw, EntropySource fallback) {
        this.raw = raw;
        this.fallback = fallback;
        byte[] startup = new byte[STARTUP_SAMPLES];
        if (!drawChecked(startup)) {
            if (failure == null) {
                failure = raw.instruction() + " could not deliver the start-up samples";
            }
        }
        java.util.Arrays.fill(startup, (byte) 0);
    }

    @Override
    public synchronized void fill(byte[] out) {
        if (failure == null && drawChecked(out)) {
            cpuBytes += out.length;
            return;
        }
        fallbackRequests++;
        fallback.fill(out);
    }

    /** Reads words, health-tests every byte; false when the retries ran out or a test failed. */
    private boolean drawChecked(byte[] out) {
        long[] words = new long[(out.length + 7) / 8];
        if (raw.read(words) != words.length) {
            return false;
        }
        byte[] bytes = new byte[words.length * 8];
        for (int i = 0; i < words.length; i++) {
            for (int b = 0; b < 8; b++) {
                bytes[8 * i + b] = (byte) (words[i] >>> (8 * b));
            }
            words[i] = 0;
        }
        boolean ok = health.accept(bytes, 0, bytes.length);
        if (ok) {
            System.arraycopy(bytes, 0, out, 0, out.length);
        } else {
            failure = raw.instruction() + " failed its health test (" + health.failure() + "); using the OS source";
        }
        java.util.Arrays.fill(bytes, (byte) 0);
        return ok;
    }

    public String instruction() {
        return raw.instruction();
    }

    /** Why the CPU source was abandoned, or null while it serves. */
    public synchronized String failure() {
        return failure;
    }

    /** One line for the providers report. */
    public synchronized String status() {
        if (failure != null) {
            return failure;
        }
        return raw.instruction() + " healthy: " + cpuBytes + " bytes served, " + fallbackRequests
                + " requests passed to the OS source after retry exhaustion";
    }
}
