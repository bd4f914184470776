package dev.jvtpm.engine.crypto;

import java.math.BigInteger;

/**
 * Elliptic-curve cryptography on the NIST prime curves as a TPM 2.0 uses it: key generation,
 * public points from scalars (deterministic primaries), ECDSA and ECDH. Guarantee: every point
 * accepted from outside is checked to be on the curve and not infinity, and deterministic results
 * (public points, ECDH Z) are byte-identical across providers.
 */
public interface EccFamily {
    /** A fresh key pair: d uniform in [1, n-1] from the provider's random source, Q = d·G. */
    EccKeyPair generate(EccCurve curve);

    /**
     * Q = d·G.
     *
     * @throws IllegalArgumentException when d is not in [1, n-1]
     */
    EcPoint publicPoint(EccCurve curve, BigInteger d);

    /** Whether the point lies on its curve (coordinates below p, curve equation holds). */
    boolean isOnCurve(EcPoint point);

    /**
     * Imports a key pair once for repeated signing and ECDH; see {@link RsaFamily#prepare} for the
     * life cycle. Q is taken on trust as d·G.
     */
    EccPrivateKey prepare(EccKeyPair key);

    /**
     * A public key for verification.
     *
     * @throws InvalidPointException when q is not on its curve
     */
    EccPublicKey publicKey(EcPoint q) throws InvalidPointException;
}
