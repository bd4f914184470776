package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.EntropySource;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The operating system's entropy (getrandom/urandom via NativePRNGNonBlocking on Linux). Used to
 * seed and reseed the DRBG only, never for output directly.
 */
final class JcaEntropy implements EntropySource {
    private final SecureRandom source;

    JcaEntropy() {
        SecureRandom r;
        try {
            r = SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException e) {
            r = new SecureRandom();
        }
        this.source = r;
    }

    @Override
    public void fill(byte[] out) {
        source.nextBytes(out);
    }
}
