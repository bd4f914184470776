package dev.jvtpm.engine.object.derivation;

import java.math.BigInteger;

/**
 * The Miller-Rabin probabilistic primality test of FIPS 186-5 §B.3.1, with bases drawn from the
 * caller's {@link RandomSource} (so a seeded derivation stays deterministic) and the number of
 * rounds the reference uses (libtpms MillerRabinRounds: 8 below 511 bits, 5 below 1536, else 4).
 * Those counts meet FIPS 186-5 Table B.1 for candidates that have passed the sieve, whose
 * error bounds already assume trial division.
 */
final class MillerRabin {
    private MillerRabin() {}

    static int rounds(int bits) {
        if (bits < 511) {
            return 8;
        }
        return bits < 1536 ? 5 : 4;
    }

    /** True when {@code w} (odd, > 3) is probably prime. */
    static boolean probablyPrime(BigInteger w, RandomSource rng) {
        BigInteger wMinus1 = w.subtract(BigInteger.ONE);
        int a = Math.max(1, wMinus1.getLowestSetBit());
        BigInteger m = wMinus1.shiftRight(a);
        int wLen = w.bitLength();
        int iterations = rounds(wLen);
        for (int i = 0; i < iterations; i++) {
            BigInteger b;
            do {
                b = rng.bits(wLen);
            } while (b.compareTo(BigInteger.ONE) <= 0 || b.compareTo(wMinus1) >= 0);
            BigInteger z = b.modPow(m, w);
            if (z.equals(BigInteger.ONE) || z.equals(wMinus1)) {
                continue;
            }
            boolean passed = false;
            for (int j = 1; j < a; j++) {
                z = z.multiply(z).mod(w);
                if (z.equals(wMinus1)) {
                    passed = true;
                    break;
                }
                if (z.equals(BigInteger.ONE)) {
                    return false;
                }
            }
            if (!passed) {
                return false;
            }
        }
        return true;
    }
}
