package dev.jvtpm.nativebridge.rng;

/**
 * SP 800-90B §4.4 continuous health tests on the raw bytes of an entropy source: the repetition
 * count test (§4.4.1) and the adaptive proportion test (§4.4.2, window 512 for non-binary
 * samples). Samples are bytes; the assessed min-entropy is H = 8 bits per byte (RDSEED output is
 * conditioned to full entropy) and the false-alarm rate α = 2^-40 per sample, giving cutoffs
 * C_RCT = 1 + ⌈40 / 8⌉ = 6 and C_APT = 1 + CRITBINOM(512, 2^-8, 1 - 2^-40) = 19. A stuck or
 * grossly biased source trips them within a few hundred bytes. Not thread-safe.
 */
final class HealthTest {
    static final int RCT_CUTOFF = 6;
    static final int APT_WINDOW = 512;
    static final int APT_CUTOFF = 19;

    private int last = -1;
    private int run;
    private int aptReference = -1;
    private int aptSeen;
    private int aptCount;
    private String failure;

    /** Feeds samples; returns false (and stays failed) once either test trips. */
    boolean accept(byte[] samples, int off, int len) {
        if (failure != null) {
            return false;
        }
        for (int i = off; i < off + len; i++) {
            int s = samples[i] & 0xFF;
            if (s == last) {
                if (++run >= RCT_CUTOFF) {
                    failure = "repetition count test: byte " + s + " repeated " + run + " times";
                    return false;
                }
            } else {
                last = s;
                run = 1;
            }
            if (aptSeen == 0) {
                aptReference = s;
                aptCount = 1;
            } else if (s == aptReference && ++aptCount >= APT_CUTOFF) {
                failure = "adaptive proportion test: byte " + s + " seen " + aptCount + " times in a "
                        + APT_WINDOW + "-byte window";
                return false;
            }
            if (++aptSeen == APT_WINDOW) {
                aptSeen = 0;
            }
        }
        return true;
    }

    /** Why the source failed, or null. */
    String failure() {
        return failure;
    }
}
