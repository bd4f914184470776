package dev.jvtpm.engine.crypto.bc;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EntropySource;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.Tier;
import java.security.SecureRandom;
import java.util.Optional;

/** BouncyCastle's lightweight API: pure Java, no JCA, no intrinsics. Always present; last in the chain. */
public final class BouncyCastleProvider implements CryptoProvider {
    private final BcDigests digests = new BcDigests();
    private final BcCiphers ciphers = new BcCiphers();
    private final BcEntropy entropy = new BcEntropy();
    private final SecureRandom random = new SecureRandom();
    private final BcRsa rsa = new BcRsa(random);
    private final BcEcc ecc = new BcEcc(random);

    @Override
    public String name() {
        return "bouncycastle";
    }

    @Override
    public Tier tier() {
        return Tier.PURE_JAVA;
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

    @Override
    public Optional<RsaFamily> rsa() {
        return Optional.of(rsa);
    }

    @Override
    public Optional<EccFamily> ecc() {
        return Optional.of(ecc);
    }
}
