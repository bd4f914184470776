package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.EntropySource;
import org.bouncycastle.crypto.prng.BasicEntropySourceProvider;

/** BouncyCastle's entropy source adapter over the platform's SecureRandom (predictionResistant). */
final class BcEntropy implements EntropySource {
    private final org.bouncycastle.crypto.prng.EntropySourceProvider provider =
            new BasicEntropySourceProvider(new java.security.SecureRandom(), true);

    @Override
    public void fill(byte[] out) {
        byte[] e = provider.get(out.length * 8).getEntropy();
        System.arraycopy(e, 0, out, 0, out.length);
    }
}
