package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.EccCurve;
import java.math.BigInteger;

/**
 * The few affine-coordinate operations the JDK has no public API for, over public values only:
 * addition, and the square root that recovers y from x. Used to turn the JDK's x-only ECDH into
 * the full point a TPM returns. Not constant-time, and it needs not be: no secret enters here.
 */
final class AffinePoints {
    private AffinePoints() {}

    /** P + Q for affine points, or null for the point at infinity. Handles doubling. */
    static BigInteger[] add(EccCurve c, BigInteger x1, BigInteger y1, BigInteger x2, BigInteger y2) {
        BigInteger p = c.p();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (!y1.equals(y2) || y1.signum() == 0) {
                return null;
            }
            BigInteger num = x1.multiply(x1).multiply(BigInteger.valueOf(3)).add(c.a());
            lambda = num.multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new BigInteger[] {x3, y3};
    }

    /**
     * A y with y² = x³ + ax + b, or null when x is not the abscissa of a point. All three NIST
     * primes are ≡ 3 (mod 4), so the root is (x³ + ax + b)^((p+1)/4).
     */
    static BigInteger sqrtY(EccCurve c, BigInteger x) {
        BigInteger p = c.p();
        BigInteger rhs = x.multiply(x).add(c.a()).multiply(x).add(c.b()).mod(p);
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        return y.multiply(y).mod(p).equals(rhs) ? y : null;
    }
}
