package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.util.List;

/** The resolved primitives of one configuration, and the record of why each was chosen. */
public final class CryptoSuite {
    /** One line of the provider report: family, chosen provider, why, and what else was there. */
    public record Choice(String family, String provider, String reason, List<String> alternatives) {}

    private final DigestFamily digests;
    private final CipherFamily ciphers;
    private final EntropySource entropy;
    private final RsaFamily rsa;
    private final EccFamily ecc;
    private final List<Choice> report;
    private final String policy;
    private final String chainOrder;

    CryptoSuite(DigestFamily digests, CipherFamily ciphers, EntropySource entropy, RsaFamily rsa, EccFamily ecc,
                List<Choice> report, String policy, String chainOrder) {
        this.digests = digests;
        this.ciphers = ciphers;
        this.entropy = entropy;
        this.rsa = rsa;
        this.ecc = ecc;
        this.report = List.copyOf(report);
        this.policy = policy;
        this.chainOrder = chainOrder;
    }

    public DigestFamily digests() {
        return digests;
    }

    public CipherFamily ciphers() {
        return ciphers;
    }

    public EntropySource entropy() {
        return entropy;
    }

    public RsaFamily rsa() {
        return rsa;
    }

    public EccFamily ecc() {
        return ecc;
    }

    public List<Choice> report() {
        return report;
    }

    /** The policy it was resolved under, e.g. "[HARDWARE, PURE_JAVA]". */
    public String policy() {
        return policy;
    }

    /** The providers in the order they were tried, e.g. "cpu-rdseed, openssl, jca, bouncycastle". */
    public String chainOrder() {
        return chainOrder;
    }

    public Hasher hasher(HashAlg alg) {
        return digests.hasher(alg);
    }

    /** H(a ‖ b ‖ ...). */
    public byte[] hash(HashAlg alg, byte[]... parts) {
        Hasher h = digests.hasher(alg);
        for (byte[] p : parts) {
            h.update(p);
        }
        return h.digest();
    }

    /** HMAC(key, a ‖ b ‖ ...). */
    public byte[] hmac(HashAlg alg, byte[] key, byte[]... parts) {
        Hasher h = digests.hmac(alg, key);
        for (byte[] p : parts) {
            h.update(p);
        }
        return h.digest();
    }
}
