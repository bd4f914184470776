package dev.jvtpm.engine.object.derivation;

import java.math.BigInteger;

/**
 * The reference's sieve-based RSA prime selection (libtpms CryptPrimeSieve.c PrimeSieve /
 * PrimeSelectWithSieve, RSA_KEY_SIEVE): the candidate is moved down to ≡ 105 (mod 210), a field
 * of 2048 bytes marks the odd numbers candidate + 2j that survive division by the small primes
 * (3, 5 and 7 by a periodic pattern, then groups of primes whose product fits 32 bits), and
 * survivors are tried with Miller-Rabin in an order chosen from the candidate's low word. The
 * number of sieving primes grows with the candidate (1024 primes up to 512 bits, 4096 up to 1024
 * bits, all below 2<sup>16</sup> beyond), as the reference does.
 */
final class PrimeSieve {
    static final int FIELD_BYTES = 2048;
    private static final int FIELD_BITS = FIELD_BYTES * 8;
    /** The 8·105-bit pattern: bit j set unless 3, 5 or 7 divides j. */
    private static final byte[] PATTERN = pattern();
    /** sieveMarks: up to this prime, group that many primes per 32-bit product. */
    private static final int[][] MARKS = {{31, 7}, {73, 5}, {241, 4}, {1621, 3}, {0xFFFF, 2}};
    /** s_PrimeMarkers: the 1024th, 2048th, … prime. */
    private static final int[] PRIME_MARKERS = {8167, 17881, 28183, 38891, 49871, 60961};

    private PrimeSieve() {}

    private static byte[] pattern() {
        byte[] p = new byte[105];
        for (int j = 0; j < 105 * 8; j++) {
            if (j % 3 != 0 && j % 5 != 0 && j % 7 != 0) {
                p[j >> 3] |= (byte) (1 << (j & 7));
            }
        }
        return p;
    }

    /** A prime found from {@code candidate}, or null when the whole field held none (TPM_RC_NO_RESULT). */
    static BigInteger select(BigInteger candidate, long exponent, RandomSource rng) {
        int limit = primeLimit(candidate.bitLength());
        long first = (candidate.longValue() & 0xFFFFFFFFL) | 0x80000000L;
        byte[] field = new byte[FIELD_BYTES];
        BigInteger base = sieve(candidate, field, limit);
        int ones = bitCount(field);
        BigInteger e = BigInteger.valueOf(exponent);
        for (; ones > 0; ones--) {
            int chosen = nthSetBit(field, (int) (first % ones) + 1);
            BigInteger test = base.add(BigInteger.valueOf(2L * chosen));
            int modE = test.mod(e).intValue();
            if (modE != 0 && modE != 1 && MillerRabin.probablyPrime(test, rng)) {
                return test;
            }
            field[chosen >> 3] &= (byte) ~(1 << (chosen & 7));
        }
        return null;
    }

    /** RsaAdjustPrimeLimit, as a bound on the table index (2k+1 ≤ 2·limit+1). */
    static int primeLimit(int primeBits) {
        int requested = primeBits <= 512 ? 1024 : primeBits <= 1024 ? 4096 : SmallPrimes.COUNT;
        int marker = (requested - 1) / 1024;
        int limit = marker < PRIME_MARKERS.length ? PRIME_MARKERS[marker] : SmallPrimes.LAST_PRIME - 2;
        return limit >> 1;
    }

    /** Fills {@code field} and returns the adjusted base the field's bit j stands relative to (base + 2j). */
    static BigInteger sieve(BigInteger n, byte[] field, int limit) {
        int adjust = n.mod(BigInteger.valueOf(105)).intValue();
        if ((adjust & 1) != 0) {
            adjust += 105;
        }
        BigInteger base = n.subtract(BigInteger.valueOf(adjust));
        for (int off = 0; off < field.length; off += PATTERN.length) {
            System.arraycopy(PATTERN, 0, field, off, Math.min(PATTERN.length, field.length - off));
        }
        int mark = 0;
        int count = MARKS[0][1];
        int stop = MARKS[0][0];
        int[] group = new int[8];
        int iter = 7;
        while (true) {
            int composite0 = iter = nextPrime(iter, limit);
            if (composite0 == 0) {
                break;
            }
            long composite = composite0;
            group[count] = composite0;
            int next = 0;
            for (int i = count - 1; i > 0; i--) {
                next = iter = nextPrime(iter, limit);
                group[i] = next;
                if (next != 0) {
                    composite = (composite * next) & 0xFFFFFFFFL;
                }
            }
            long residue = n(base, composite);
            for (int i = count; i > 0; i--) {
                next = group[i];
                if (next == 0) {
                    return base;
                }
                int r = (int) (residue % next);
                int j;
                if ((r & 1) != 0) {
                    j = (next - r) / 2;
                } else if (r == 0) {
                    j = 0;
                } else {
                    j = next - r / 2;
                }
                for (; j < FIELD_BITS; j += next) {
                    field[j >> 3] &= (byte) ~(1 << (j & 7));
                }
            }
            if (next >= stop) {
                mark++;
                count = MARKS[mark][1];
                stop = MARKS[mark][0];
            }
        }
        return base;
    }

    private static long n(BigInteger base, long modulus) {
        return base.mod(BigInteger.valueOf(modulus)).longValue();
    }

    /** RsaNextPrime: the next table prime after {@code last}, or 0 past the limit (and for 0). */
    private static int nextPrime(int last, int limit) {
        if (last == 0) {
            return 0;
        }
        for (int k = (last >> 1) + 1; k <= limit; k++) {
            if (SmallPrimes.isOddPrimeIndex(k)) {
                return (k << 1) + 1;
            }
        }
        return 0;
    }

    static int bitCount(byte[] field) {
        int n = 0;
        for (byte b : field) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    /** FindNthSetBit: the index of the n-th (1-based) set bit, bytes in order, LSB first. */
    static int nthSetBit(byte[] field, int n) {
        int seen = 0;
        for (int i = 0; i < field.length; i++) {
            int b = field[i] & 0xFF;
            int c = Integer.bitCount(b);
            if (seen + c >= n) {
                for (int bit = 0; bit < 8; bit++) {
                    if ((b & (1 << bit)) != 0 && ++seen == n) {
                        return i * 8 + bit;
                    }
                }
            }
            seen += c;
        }
        return -1;
    }
}
