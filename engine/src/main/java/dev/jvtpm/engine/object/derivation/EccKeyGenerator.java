package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.types.object.EccCurve;
import java.math.BigInteger;

/**
 * ECC private scalars as the reference draws them from a DRBG (FIPS 186-5 §A.4.1 "extra random
 * bits"; libtpms CryptEccMain.c BnEccGetPrivate): c = 64 more bits than the order's byte length,
 * d = (c mod (n − 1)) + 1, so 1 ≤ d < n with negligible bias.
 */
public final class EccKeyGenerator {
    private EccKeyGenerator() {}

    public static BigInteger privateScalar(EccCurve curve, RandomSource rng) {
        BigInteger n = EccArithmetic.order(curve);
        int orderBytes = (n.bitLength() + 7) / 8;
        BigInteger c = rng.bits(orderBytes * 8 + 64);
        return c.mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }
}
