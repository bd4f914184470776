package dev.jvtpm.engine.crypto;

import java.math.BigInteger;

/** The preconditions every ECC provider enforces identically (see {@link RsaInputs} for why). */
public final class EccInputs {
    private EccInputs() {}

    /** The largest digest a TPM signs (SHA-512). */
    public static final int MAX_DIGEST = 64;

    /** ECDSA digests are 1 to 64 bytes. */
    public static void requireDigest(byte[] digest) {
        if (digest == null || digest.length == 0 || digest.length > MAX_DIGEST) {
            throw new IllegalArgumentException("ECDSA digest must be 1 to " + MAX_DIGEST + " bytes");
        }
    }

    /** The scalar must be in [1, n-1]. */
    public static void requireScalar(EccCurve curve, BigInteger d) {
        if (!curve.isValidScalar(d)) {
            throw new IllegalArgumentException("private scalar out of [1, n-1] for " + curve);
        }
    }

    /**
     * A peer point for ECDH must belong to this key's curve. Whether it lies on the curve each
     * provider checks with its own library, so that the tests exercise every provider's check.
     */
    public static void requireSameCurve(EccCurve curve, EcPoint peer) throws InvalidPointException {
        if (peer.curve() != curve) {
            throw new InvalidPointException("point is on " + peer.curve() + ", key is on " + curve);
        }
    }

    /**
     * SEC 1 §4.1.3 step 5: the digest as an integer, truncated to the bit length of n. For the
     * providers that take an integer rather than the digest bytes.
     */
    public static BigInteger digestInteger(EccCurve curve, byte[] digest) {
        BigInteger e = new BigInteger(1, digest);
        int excess = digest.length * 8 - curve.n().bitLength();
        return excess > 0 ? e.shiftRight(excess) : e;
    }
}
