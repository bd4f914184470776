package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;

/**
 * The public half of an RSA key. Guarantee: a signature verifies only if it is exactly
 * {@link #modulusBytes()} long, is below n, and its encoding matches RFC 8017 for the given digest;
 * encryption output is always {@link #modulusBytes()} long. Thread-safe.
 *
 * <p>Digests are raw hash outputs (the TPM signs digests, not messages) and must be exactly
 * {@code hash.digestSize()} bytes.
 */
public interface RsaPublicKey {
    /** For {@link #verifyPss}: accept any salt length the encoding carries (what a TPM does on verify). */
    int PSS_ANY_SALT = -1;

    BigInteger modulus();

    BigInteger publicExponent();

    /** k, the modulus length in bytes: the length of every signature and ciphertext. */
    default int modulusBytes() {
        return (modulus().bitLength() + 7) / 8;
    }

    /** RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) of {@code digest} under {@code hash}. */
    boolean verifyPkcs1(HashAlg hash, byte[] digest, byte[] signature);

    /**
     * RSASSA-PSS verification (RFC 8017 §8.1.2) with MGF1 over {@code hash}; {@code saltLength} is
     * the exact salt length required, or {@link #PSS_ANY_SALT}.
     */
    boolean verifyPss(HashAlg hash, byte[] digest, byte[] signature, int saltLength);

    /**
     * RSAES-OAEP encryption (RFC 8017 §7.1.1) with {@code hash} for both the label hash and MGF1.
     * The label is used as given: TPM labels such as "SECRET" include their terminating NUL.
     *
     * @throws IllegalArgumentException when the message exceeds k - 2·hLen - 2 bytes
     */
    byte[] encryptOaep(HashAlg hash, byte[] label, byte[] message);

    /**
     * RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1).
     *
     * @throws IllegalArgumentException when the message exceeds k - 11 bytes
     */
    byte[] encryptPkcs1(byte[] message);

    /**
     * RSAEP without padding: m^e mod n, output left-padded to k bytes.
     *
     * @throws IllegalArgumentException when the message is longer than k or not below n
     */
    byte[] encryptRaw(byte[] message);
}
