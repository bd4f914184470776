package dev.jvtpm.engine.crypto;

/**
 * The TPM's random number source: a {@link CtrDrbg} read in blocks of {@value #BLOCK} bytes,
 * each one DRBG generate request, and handed out in the sizes callers ask for. One request per
 * block instead of one per call keeps GetRandom and nonce generation off the cost of two AES key
 * schedules per call; the DRBG's state update after each request still gives backtracking
 * resistance at block granularity. A reseed discards what was buffered, so stirred input
 * (TPM2_StirRandom) affects the very next output.
 *
 * <p>Not thread-safe: each TPM instance owns one.
 */
public final class BufferedDrbg {
    static final int BLOCK = 1024;

    private final CtrDrbg drbg;
    private final byte[] buffer = new byte[BLOCK];
    private int available;

    public BufferedDrbg(CtrDrbg drbg) {
        this.drbg = drbg;
    }

    public void fill(byte[] out) {
        int off = 0;
        while (off < out.length) {
            if (available == 0) {
                drbg.generate(buffer);
                available = BLOCK;
            }
            int n = Math.min(available, out.length - off);
            int from = BLOCK - available;
            System.arraycopy(buffer, from, out, off, n);
            java.util.Arrays.fill(buffer, from, from + n, (byte) 0);
            available -= n;
            off += n;
        }
    }

    /** Reseeds from the entropy source with {@code additionalInput} (≤ 48 bytes) and drops buffered output. */
    public void reseed(byte[] additionalInput) {
        java.util.Arrays.fill(buffer, (byte) 0);
        available = 0;
        drbg.reseed(null, additionalInput);
    }
}
