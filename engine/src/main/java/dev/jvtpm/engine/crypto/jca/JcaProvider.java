package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.EntropySource;
import dev.jvtpm.engine.crypto.Tier;
import java.util.Optional;

/**
 * The JDK's own providers (SUN, SunJCE). On AES-NI/SHA-NI/CLMUL CPUs HotSpot replaces their AES,
 * GHASH and SHA inner loops with intrinsics, which is why they head the chain for symmetric work.
 */
public final class JcaProvider implements CryptoProvider {
    private final JcaDigests digests = new JcaDigests();
    private final JcaCiphers ciphers = new JcaCiphers();
    private final JcaEntropy entropy = new JcaEntropy();

    @Override
    public String name() {
        return "jca";
    }

    @Override
    public Tier tier() {
        return Tier.HARDWARE;
    }

    @Override
    public Optional<DigestFamily> digests() {
        return Optional.of(digests);
    }

    @Override
    public Optional<CipherFamily> ciphers() {
        return Optional.of(ciphers);
    }

    @Override
    public Optional<EntropySource> entropy() {
        return Optional.of(entropy);
    }
}
