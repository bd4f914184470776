package dev.jvtpm.engine.object.protect;

import java.nio.charset.StandardCharsets;

/**
 * The "Use" labels of secret sharing (Part 1 §11.4.10.3, §24, §23.3; libtpms SECRET_KEY,
 * IDENTITY_STRING, DUPLICATE_STRING). The reference keeps them as TPM2B strings whose size counts
 * the terminating NUL, so RSA-OAEP uses the label with its NUL and KDFe hashes it with its NUL.
 */
public enum SecretLabel {
    /** Salted sessions (TPM2_StartAuthSession). */
    SECRET("SECRET"),
    /** Credentials (TPM2_MakeCredential / TPM2_ActivateCredential). */
    IDENTITY("IDENTITY"),
    /** Duplication (TPM2_Duplicate / TPM2_Import / TPM2_Rewrap). */
    DUPLICATE("DUPLICATE");

    private final String text;

    SecretLabel(String text) {
        this.text = text;
    }

    /** The label without its NUL (what {@link dev.jvtpm.engine.crypto.Kdf} takes; it adds the NUL). */
    public String text() {
        return text;
    }

    /** The OAEP label L: the string and its terminating NUL. */
    public byte[] oaepLabel() {
        return (text + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
