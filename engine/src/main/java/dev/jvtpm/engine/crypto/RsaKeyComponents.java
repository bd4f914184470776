package dev.jvtpm.engine.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The integers of an RSA private key. A TPM keeps only one prime in an object's sensitive area
 * (TPM2B_PRIVATE_KEY_RSA), so {@link #fromPrime} rebuilds everything else from (n, e, p).
 * Never printed: {@link #toString()} shows only the modulus size.
 */
public final class RsaKeyComponents {
    private final BigInteger n;
    private final BigInteger e;
    private final BigInteger p;
    private final BigInteger q;
    private final BigInteger d;
    private final BigInteger dP;
    private final BigInteger dQ;
    private final BigInteger qInv;

    private RsaKeyComponents(BigInteger e, BigInteger p, BigInteger q) {
        if (e.signum() <= 0 || !e.testBit(0)) {
            throw new IllegalArgumentException("public exponent must be odd and positive");
        }
        if (p.compareTo(BigInteger.ONE) <= 0 || q.compareTo(BigInteger.ONE) <= 0 || p.equals(q)) {
            throw new IllegalArgumentException("primes must be distinct and greater than 1");
        }
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
        if (!e.gcd(lambda).equals(BigInteger.ONE)) {
            throw new IllegalArgumentException("public exponent is not invertible modulo lcm(p-1, q-1)");
        }
        this.n = p.multiply(q);
        this.e = e;
        this.p = p;
        this.q = q;
        // FIPS 186-4 B.3.1: d = e^-1 mod lcm(p-1, q-1), the smallest valid private exponent.
        this.d = e.modInverse(lambda);
        this.dP = d.mod(p1);
        this.dQ = d.mod(q1);
        this.qInv = q.modInverse(p);
    }

    /** The key with public exponent {@code e} and primes {@code p} and {@code q}. */
    public static RsaKeyComponents of(BigInteger e, BigInteger p, BigInteger q) {
        return new RsaKeyComponents(Objects.requireNonNull(e), Objects.requireNonNull(p), Objects.requireNonNull(q));
    }

    /**
     * Rebuilds the key from the public modulus and exponent and one prime factor.
     *
     * @throws IllegalArgumentException when {@code p} does not divide {@code n}, or e is not invertible
     */
    public static RsaKeyComponents fromPrime(BigInteger n, BigInteger e, BigInteger p) {
        if (p.signum() <= 0 || p.compareTo(n) >= 0) {
            throw new IllegalArgumentException("prime is not a proper factor of the modulus");
        }
        BigInteger[] qr = n.divideAndRemainder(p);
        if (qr[1].signum() != 0) {
            throw new IllegalArgumentException("prime does not divide the modulus");
        }
        return new RsaKeyComponents(e, p, qr[0]);
    }

    public BigInteger modulus() {
        return n;
    }

    public BigInteger publicExponent() {
        return e;
    }

    public BigInteger p() {
        return p;
    }

    public BigInteger q() {
        return q;
    }

    public BigInteger privateExponent() {
        return d;
    }

    /** d mod (p-1). */
    public BigInteger dP() {
        return dP;
    }

    /** d mod (q-1). */
    public BigInteger dQ() {
        return dQ;
    }

    /** q^-1 mod p. */
    public BigInteger qInv() {
        return qInv;
    }

    public int bits() {
        return n.bitLength();
    }

    @Override
    public String toString() {
        return "RsaKeyComponents[" + n.bitLength() + " bits, secrets redacted]";
    }
}
