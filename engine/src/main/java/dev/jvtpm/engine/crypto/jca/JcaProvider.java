package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.CryptoProvider;
import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EntropySource;
import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.Tier;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The JDK's own providers (SUN, SunJCE, SunRsaSign, SunEC). On AES-NI/SHA-NI/CLMUL CPUs HotSpot
 * replaces their AES, GHASH and SHA inner loops with intrinsics, which is why they head the chain
 * for symmetric work; RSA runs on BigInteger's Montgomery intrinsics and ECC on SunEC's Java field
 * arithmetic.
 */
public final class JcaProvider implements CryptoProvider {
    private final JcaDigests digests = new JcaDigests();
    private final JcaCiphers ciphers = new JcaCiphers();
    private final JcaEntropy entropy = new JcaEntropy();
    private final JcaRsa rsa;
    private final JcaEcc ecc;

    public JcaProvider() {
        SecureRandom random = keyRandom();
        this.rsa = new JcaRsa(random, digests);
        this.ecc = new JcaEcc(random);
    }

    /** The JDK's SP 800-90A DRBG, seeded by the OS: for key generation, nonces, salts and padding. */
    private static SecureRandom keyRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

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

    @Override
    public Optional<RsaFamily> rsa() {
        return Optional.of(rsa);
    }

    @Override
    public Optional<EccFamily> ecc() {
        return Optional.of(ecc);
    }
}
