package dev.jvtpm.engine.object.derivation;

/**
 * The odd primes up to 2<sup>16</sup>+1 as a bitmap, bit k standing for 2k+1 (the reference's
 * s_PrimeTable, computed here by a sieve instead of stored), and the 32-bit primality test the
 * reference applies to RSA exponents (IsPrimeInt).
 */
final class SmallPrimes {
    static final int LAST_PRIME = 65537;
    /** Number of odd primes in the table (s_PrimesInTable). */
    static final int COUNT = 6542;
    private static final byte[] TABLE = sieve();

    private SmallPrimes() {}

    private static byte[] sieve() {
        int bits = (LAST_PRIME >> 1) + 8;
        byte[] t = new byte[(bits + 7) / 8];
        boolean[] composite = new boolean[LAST_PRIME + 1];
        for (int n = 3; n <= LAST_PRIME; n += 2) {
            if (!composite[n]) {
                int k = n >> 1;
                t[k >> 3] |= (byte) (1 << (k & 7));
                for (long m = (long) n * n; m <= LAST_PRIME; m += 2L * n) {
                    composite[(int) m] = true;
                }
            }
        }
        return t;
    }

    /** Whether the odd number 2k+1 is a prime ≤ 65537. */
    static boolean isOddPrimeIndex(int k) {
        return k >= 0 && (k >> 3) < TABLE.length && ((TABLE[k >> 3] >> (k & 7)) & 1) != 0;
    }

    /** A copy of the bitmap (for tests). */
    static byte[] table() {
        return TABLE.clone();
    }

    /**
     * IsPrimeInt: exact up to 65537; above, trial division by the table's primes below
     * Root2(n)/2's index, which is how the reference decides (it misses a factor equal to the
     * ceiling of the square root, so a few prime squares pass; kept for identical results).
     */
    static boolean isPrimeInt(long n) {
        if (n < 3 || (n & 1) == 0) {
            return n == 2;
        }
        if (n <= LAST_PRIME) {
            return isOddPrimeIndex((int) (n >> 1));
        }
        long stop = root2(n) >> 1;
        for (int i = 1; i < stop; i++) {
            if (isOddPrimeIndex(i) && n % ((i << 1) + 1) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The reference's integer square root (Root2): Newton's iteration then a final correction. */
    static long root2(long n) {
        long last = n >> 2;
        long next = n >> 1;
        while (next != 0) {
            last >>= 1;
            next >>= 2;
        }
        last++;
        long diff;
        do {
            next = (last + n / last) >> 1;
            diff = next - last;
            last = next;
        } while (diff < -1 || diff > 1);
        if (n / next > next) {
            next++;
        }
        return next;
    }
}
