package dev.jvtpm.engine.crypto;

import java.math.BigInteger;

/**
 * A private scalar d and its public point Q = d·G. Never printed: {@link #toString()} shows only
 * the curve and Q.
 */
public final class EccKeyPair {
    private final BigInteger d;
    private final EcPoint q;

    private EccKeyPair(BigInteger d, EcPoint q) {
        this.d = d;
        this.q = q;
    }

    /**
     * Pairs a scalar with its public point; the caller vouches that q = d·G (providers compute it).
     *
     * @throws IllegalArgumentException when d is not in [1, n-1]
     */
    public static EccKeyPair of(BigInteger d, EcPoint q) {
        if (!q.curve().isValidScalar(d)) {
            throw new IllegalArgumentException("private scalar out of [1, n-1]");
        }
        return new EccKeyPair(d, q);
    }

    public EccCurve curve() {
        return q.curve();
    }

    public BigInteger privateScalar() {
        return d;
    }

    /** d as exactly coordinateBytes (TPM2B_ECC_PARAMETER of the sensitive area). */
    public byte[] privateScalarBytes() {
        return Octets.i2osp(d, q.curve().coordinateBytes());
    }

    public EcPoint publicPoint() {
        return q;
    }

    @Override
    public String toString() {
        return "EccKeyPair[" + q + ", private scalar redacted]";
    }
}
