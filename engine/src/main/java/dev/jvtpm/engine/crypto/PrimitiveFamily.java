package dev.jvtpm.engine.crypto;

/** The families the chain resolves one provider for, with the names the providers report uses. */
public enum PrimitiveFamily {
    DIGEST("digest+hmac"),
    AES("aes"),
    ENTROPY("entropy"),
    RSA("rsa"),
    ECC("ecc");

    private final String label;

    PrimitiveFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
