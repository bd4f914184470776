package dev.jvtpm.engine.object.derivation;

import java.math.BigInteger;

/**
 * Where object creation takes its randomness from: the TPM's DRBG for TPM2_Create, a DRBG seeded
 * from a hierarchy seed for TPM2_CreatePrimary (libtpms RAND_STATE). Everything that creates key
 * material draws from one of these, in a fixed order, so that a seeded source yields the same
 * object on every provider and JDK.
 */
@FunctionalInterface
public interface RandomSource {
    /** Fills {@code out} with the next bytes of the stream. */
    void generate(byte[] out);

    default byte[] bytes(int n) {
        byte[] out = new byte[n];
        generate(out);
        return out;
    }

    /**
     * libtpms BnGetRandomBits: ⌈bits/8⌉ bytes read as a big-endian number, masked to {@code bits}
     * bits.
     */
    default BigInteger bits(int bits) {
        BigInteger v = new BigInteger(1, bytes((bits + 7) / 8));
        return bits % 8 == 0 ? v : v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }
}
