package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.EccCurve;
import java.math.BigInteger;

/**
 * The few affine-coordinate operations the JDK has no public API for, over public values only:
 * addition, the square root that recovers y from x (to turn the JDK's x-only ECDH into the full
 * point a TPM returns), and ECDSA verification for the one case SunEC gets wrong. Not
 * constant-time, and it needs not be: no secret enters here.
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

    /**
     * SEC 1 §4.1.4 steps 4-8 for r, s already known to be in [1, n-1]: x(u1·G + u2·Q) mod n = r.
     * JDK 17's SunEC compares x(R) with r without reducing it mod n, and so rejects the valid
     * signatures whose x(R) lies in [n, p) (Wycheproof "k*G has a large x-coordinate"); only
     * those, with r < p - n, are re-checked here. Shamir's trick in Jacobian coordinates.
     */
    static boolean verifyEcdsa(EccCurve c, BigInteger qx, BigInteger qy, BigInteger e, BigInteger r, BigInteger s) {
        BigInteger n = c.n();
        BigInteger w = s.modInverse(n);
        BigInteger u1 = e.multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        BigInteger[] gq = add(c, c.gx(), c.gy(), qx, qy);
        BigInteger[] acc = null;
        for (int i = Math.max(u1.bitLength(), u2.bitLength()) - 1; i >= 0; i--) {
            if (acc != null) {
                acc = jacobianDouble(c, acc);
            }
            boolean a = u1.testBit(i);
            boolean b = u2.testBit(i);
            BigInteger[] addend = a && b ? gq : a ? new BigInteger[] {c.gx(), c.gy()} : b ? new BigInteger[] {qx, qy} : null;
            if (addend != null) {
                acc = acc == null ? new BigInteger[] {addend[0], addend[1], BigInteger.ONE} : jacobianAdd(c, acc, addend);
            }
        }
        if (acc == null || acc[2].signum() == 0) {
            return false;
        }
        BigInteger zInv = acc[2].modInverse(c.p());
        BigInteger x = acc[0].multiply(zInv).multiply(zInv).mod(c.p());
        return x.mod(n).equals(r);
    }

    /** 2·(X, Y, Z) in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is infinity. */
    private static BigInteger[] jacobianDouble(EccCurve c, BigInteger[] pt) {
        BigInteger p = c.p();
        BigInteger x = pt[0];
        BigInteger y = pt[1];
        BigInteger z = pt[2];
        if (z.signum() == 0 || y.signum() == 0) {
            return new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        }
        BigInteger yy = y.multiply(y).mod(p);
        BigInteger s = x.multiply(yy).shiftLeft(2).mod(p);
        BigInteger zz = z.multiply(z).mod(p);
        BigInteger m = x.multiply(x).multiply(BigInteger.valueOf(3)).add(c.a().multiply(zz).multiply(zz)).mod(p);
        BigInteger x3 = m.multiply(m).subtract(s.shiftLeft(1)).mod(p);
        BigInteger y3 = m.multiply(s.subtract(x3)).subtract(yy.multiply(yy).shiftLeft(3)).mod(p);
        BigInteger z3 = y.multiply(z).shiftLeft(1).mod(p);
        return new BigInteger[] {x3, y3, z3};
    }

    /** (X, Y, Z) + (x2, y2) with the second point affine. */
    private static BigInteger[] jacobianAdd(EccCurve c, BigInteger[] pt, BigInteger[] affine) {
        if (affine == null) {
            return pt;
        }
        if (pt[2].signum() == 0) {
            return new BigInteger[] {affine[0], affine[1], BigInteger.ONE};
        }
        BigInteger p = c.p();
        BigInteger zz = pt[2].multiply(pt[2]).mod(p);
        BigInteger u2 = affine[0].multiply(zz).mod(p);
        BigInteger s2 = affine[1].multiply(zz).multiply(pt[2]).mod(p);
        BigInteger h = u2.subtract(pt[0]).mod(p);
        BigInteger r = s2.subtract(pt[1]).mod(p);
        if (h.signum() == 0) {
            return r.signum() == 0 ? jacobianDouble(c, pt) : new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        }
        BigInteger hh = h.multiply(h).mod(p);
        BigInteger hhh = hh.multiply(h).mod(p);
        BigInteger v = pt[0].multiply(hh).mod(p);
        BigInteger x3 = r.multiply(r).subtract(hhh).subtract(v.shiftLeft(1)).mod(p);
        BigInteger y3 = r.multiply(v.subtract(x3)).subtract(pt[1].multiply(hhh)).mod(p);
        BigInteger z3 = pt[2].multiply(h).mod(p);
        return new BigInteger[] {x3, y3, z3};
    }
}
