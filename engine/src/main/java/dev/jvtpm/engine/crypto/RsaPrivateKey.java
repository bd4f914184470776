package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import javax.crypto.BadPaddingException;

/**
 * A prepared RSA private key (see {@link RsaFamily#prepare}). Guarantee: outputs follow RFC 8017;
 * a ciphertext that does not decode gives {@link BadPaddingException}, never garbage. Randomness
 * (PSS salt) comes from the provider's own secure random source. Thread-safe until closed.
 *
 * <p>Ciphertexts must be exactly {@link #modulusBytes()} long and below n, otherwise
 * {@link BadPaddingException}.
 */
public interface RsaPrivateKey extends RsaPublicKey, AutoCloseable {
    /** RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.1) of {@code digest}; deterministic. */
    byte[] signPkcs1(HashAlg hash, byte[] digest);

    /**
     * RSASSA-PSS signature (RFC 8017 §8.1.1), MGF1 over {@code hash}, with the salt length TPM
     * reference implementations use: {@link EmsaPss#tpmSaltLength}.
     */
    byte[] signPss(HashAlg hash, byte[] digest);

    /** RSAES-OAEP decryption (RFC 8017 §7.1.2) with {@code hash} for label hash and MGF1. */
    byte[] decryptOaep(HashAlg hash, byte[] label, byte[] ciphertext) throws BadPaddingException;

    /** RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2), rejecting bad padding explicitly. */
    byte[] decryptPkcs1(byte[] ciphertext) throws BadPaddingException;

    /** RSADP without padding: c^d mod n, left-padded to k bytes. */
    byte[] decryptRaw(byte[] ciphertext) throws BadPaddingException;

    /** Releases provider resources; idempotent. Using the key afterwards throws IllegalStateException. */
    @Override
    void close();
}
