package dev.jvtpm.engine.crypto;

/**
 * An ECC public key. Guarantee: {@link #verifyEcdsa} accepts exactly the signatures SEC 1 §4.1.4
 * accepts (r, s in [1, n-1]; digest truncated to the bit length of n). Thread-safe.
 */
public interface EccPublicKey {
    EcPoint point();

    default EccCurve curve() {
        return point().curve();
    }

    /** ECDSA verification of a digest (1 to 64 bytes; longer than n's bit length is truncated). */
    boolean verifyEcdsa(byte[] digest, EcdsaSignature signature);
}
