package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.math.BigInteger;

/**
 * RSA key generation as the reference implementation does it from a DRBG (libtpms 0.9
 * CryptRsa.c CryptRsaGenerateKey with CryptPrime.c BnGeneratePrimeForRSA at seed-compatibility
 * level RSA_PRIME_ADJUST_FIX, and {@link PrimeSieve}): each prime starts as keyBits/2 DRBG bits
 * whose top 32 bits are scaled into [0xB505…, 0xFFFF…] (so the product has exactly keyBits bits)
 * and made odd; the sieve then picks a nearby prime with p mod e ∉ {0, 1}. The first prime found
 * becomes q, later ones p, until |p − q| has more than 100 bits. A signing key then costs one
 * random value below n (the reference's trial encryption, whose outcome is certain for a correct
 * key but whose DRBG output must be consumed to keep what follows identical).
 *
 * <p>Uses only BigInteger arithmetic and the caller's RandomSource, so every JDK and provider
 * produces the same key from the same stream.
 */
public final class ReferenceRsaKeyGenerator implements RsaKeySource {
    private static final int MAX_ATTEMPTS = 100;

    @Override
    public RsaKeyPair generate(int keyBits, long exponent, RandomSource rng, boolean signing) throws TpmException {
        BigInteger e = BigInteger.valueOf(exponent);
        BigInteger q = BigInteger.ZERO;
        for (int i = 1; i != MAX_ATTEMPTS; i++) {
            BigInteger p = prime(keyBits / 2, exponent, rng);
            if (q.signum() == 0) {
                q = p;
                continue;
            }
            if (p.subtract(q).abs().bitLength() - 1 < 100) {
                continue;
            }
            BigInteger n = p.multiply(q);
            // ComputePrivateExponent (CRT): e must be invertible mod p-1 and q-1, which the prime
            // selection guarantees for a prime e; mirrored for a composite e the reference lets through.
            boolean pLarger = p.compareTo(q) >= 0;
            boolean largerOk = invertible(e, p.max(q).subtract(BigInteger.ONE));
            boolean smallerOk = invertible(e, p.min(q).subtract(BigInteger.ONE));
            if (!largerOk || !smallerOk) {
                // The reference zeroes the prime(s) that failed and keeps q unless it was zeroed.
                BigInteger newP = (pLarger ? largerOk : smallerOk) ? p : BigInteger.ZERO;
                BigInteger newQ = (pLarger ? smallerOk : largerOk) ? q : BigInteger.ZERO;
                q = newQ.signum() == 0 ? newP : newQ;
                continue;
            }
            if (signing) {
                randomBelow(n, rng);
            }
            return new RsaKeyPair(n, exponent, p, q);
        }
        throw new TpmException(TpmRc.NO_RESULT);
    }

    /** BnGeneratePrimeForRSA: draw, adjust, sieve; again while the sieve field holds no prime. */
    static BigInteger prime(int bits, long exponent, RandomSource rng) {
        while (true) {
            BigInteger found = PrimeSieve.select(adjust(rng.bits(bits)), exponent, rng);
            if (found != null) {
                return found;
            }
        }
    }

    /**
     * RsaAdjustPrimeCandidate (RSA_PRIME_ADJUST_FIX): the top 32 bits of the highest non-zero
     * 64-bit word become msw·0x4AFB/2<sup>16</sup> + 0xB5050000 (√2/2 in fixed point), and the
     * number is made odd.
     */
    static BigInteger adjust(BigInteger candidate) {
        if (candidate.signum() == 0) {
            return BigInteger.ONE;
        }
        int topWord = (candidate.bitLength() - 1) / 64;
        int shift = topWord * 64 + 32;
        long msw = candidate.shiftRight(shift).longValue() & 0xFFFFFFFFL;
        long adjusted = ((msw >>> 16) * 0x4AFB + (((msw & 0xFFFF) * 0x4AFB) >>> 16) + 0xB5050000L) & 0xFFFFFFFFL;
        BigInteger low = candidate.and(BigInteger.ONE.shiftLeft(shift).subtract(BigInteger.ONE));
        return BigInteger.valueOf(adjusted).shiftLeft(shift).or(low).setBit(0);
    }

    /** BnGenerateRandomInRange: bits of n's size until 0 < r < n. */
    static BigInteger randomBelow(BigInteger n, RandomSource rng) {
        BigInteger r;
        do {
            r = rng.bits(n.bitLength());
        } while (r.signum() == 0 || r.compareTo(n) >= 0);
        return r;
    }

    private static boolean invertible(BigInteger e, BigInteger m) {
        return e.gcd(m).equals(BigInteger.ONE);
    }
}
