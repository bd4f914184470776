package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
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
    private final FirstUseCheck check;

    CryptoSuite(DigestFamily digests, CipherFamily ciphers, EntropySource entropy, RsaFamily rsa, EccFamily ecc,
                List<Choice> report, String policy, String chainOrder) {
        this(digests, ciphers, entropy, rsa, ecc, report, policy, chainOrder, null);
    }

    private CryptoSuite(DigestFamily digests, CipherFamily ciphers, EntropySource entropy, RsaFamily rsa, EccFamily ecc,
                        List<Choice> report, String policy, String chainOrder, FirstUseCheck check) {
        this.digests = digests;
        this.ciphers = ciphers;
        this.entropy = entropy;
        this.rsa = rsa;
        this.ecc = ecc;
        this.report = List.copyOf(report);
        this.policy = policy;
        this.chainOrder = chainOrder;
        this.check = check;
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

    /**
     * The same primitives, with {@code check} told about each hash (by its TPM_ALG_ID) before a
     * hasher or HMAC is created and about AES before each AES operation. A TPM instance uses
     * this to self-test algorithms on first use; AES-GCM (state sealing) is not a TPM algorithm
     * and is not reported. KDFa ({@link #kdf}) and RSA/ECC schemes ({@link #beforeUse}) are
     * reported too.
     */
    public CryptoSuite checkedBy(FirstUseCheck check) {
        DigestFamily d = digests;
        CipherFamily c = ciphers;
        DigestFamily checkedDigests = new DigestFamily() {
            @Override
            public Hasher hasher(HashAlg alg) {
                check.beforeUse(alg.id());
                return d.hasher(alg);
            }

            @Override
            public Hasher hmac(HashAlg alg, byte[] key) {
                check.beforeUse(alg.id());
                return d.hmac(alg, key);
            }
        };
        CipherFamily checkedCiphers = new CipherFamily() {
            @Override
            public byte[] aes(SymMode mode, boolean encrypt, byte[] key, byte[] iv, byte[] data) {
                check.beforeUse(TpmAlgId.AES);
                return c.aes(mode, encrypt, key, iv, data);
            }

            @Override
            public byte[] gcmSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
                return c.gcmSeal(key, nonce, aad, plaintext);
            }

            @Override
            public byte[] gcmOpen(byte[] key, byte[] nonce, byte[] aad, byte[] sealed)
                    throws javax.crypto.AEADBadTagException {
                return c.gcmOpen(key, nonce, aad, sealed);
            }
        };
        return new CryptoSuite(checkedDigests, checkedCiphers, entropy, rsa, ecc, report, policy, chainOrder, check);
    }

    /**
     * Tells the first-use check of a {@link #checkedBy checked} suite that a TPM operation is
     * about to use {@code algId} (an RSA or ECC scheme: the families are not wrapped, their users
     * name the scheme). No-op on an unchecked suite.
     */
    public void beforeUse(int algId) {
        if (check != null) {
            check.beforeUse(algId);
        }
    }

    /** KDFa and KDFe over this suite's digests; a checked suite self-tests KDFa on first use. */
    public Kdf kdf() {
        return new Kdf(digests, check);
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
