package dev.jvtpm.engine.crypto;

/**
 * A prepared ECC private key (see {@link EccFamily#prepare}). Guarantee: ECDSA nonces come fresh
 * from the provider's secure random source, and ECDH never multiplies a point that is off the
 * curve. Thread-safe until closed.
 */
public interface EccPrivateKey extends EccPublicKey, AutoCloseable {
    /**
     * ECDSA signature (SEC 1 §4.1.3) of a digest of 1 to 64 bytes, leftmost bits(n) bits used;
     * r and s are each exactly coordinateBytes long.
     */
    EcdsaSignature signEcdsa(byte[] digest);

    /**
     * The ECDH / TPM2_ECDH_ZGen point Z = d·Q (SP 800-56A §5.7.1.2 without the cofactor, h = 1),
     * coordinates exactly coordinateBytes long.
     *
     * @throws InvalidPointException when Q is on another curve, not on the curve, or Z is infinity
     */
    EcPoint ecdh(EcPoint peer) throws InvalidPointException;

    /** Releases provider resources; idempotent. Using the key afterwards throws IllegalStateException. */
    @Override
    void close();
}
