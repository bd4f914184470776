package dev.jvtpm.engine.crypto;

/**
 * Called with a TPM_ALG_ID just before a TPM operation uses that algorithm, so the TPM can run
 * the algorithm's self-test first (Part 1 "Self-Test Modes": an untested algorithm is tested on
 * first use). Implementations throw an unchecked exception when the test fails.
 */
@FunctionalInterface
public interface FirstUseCheck {
    void beforeUse(int algId);
}
