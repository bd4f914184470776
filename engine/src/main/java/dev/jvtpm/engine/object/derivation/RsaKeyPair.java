package dev.jvtpm.engine.object.derivation;

import java.math.BigInteger;

/**
 * An RSA key as a TPM object holds it: the public modulus and exponent, and the one prime the
 * sensitive area stores ({@code p}; TPM2B_PRIVATE_KEY_RSA). {@code q} is kept for computing the
 * private exponent without a division. {@code toString} does not print the primes.
 */
public record RsaKeyPair(BigInteger modulus, long exponent, BigInteger p, BigInteger q) {
    @Override
    public String toString() {
        return "RsaKeyPair[" + modulus.bitLength() + " bits, e=" + exponent + "]";
    }
}
