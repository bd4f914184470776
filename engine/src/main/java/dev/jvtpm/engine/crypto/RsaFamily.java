package dev.jvtpm.engine.crypto;

import java.math.BigInteger;

/**
 * RSA as a TPM 2.0 uses it: key generation, one-time preparation of private keys, and public keys.
 * Guarantee: every operation of the keys it hands out follows PKCS #1 v2.2 (RFC 8017) exactly, so
 * deterministic results (RSASSA-PKCS1-v1_5 signatures, decryptions) are byte-identical across
 * providers.
 *
 * <p>Integers cross this interface as {@link BigInteger}s or as big-endian unsigned byte strings;
 * signatures and ciphertexts are always exactly {@link RsaPublicKey#modulusBytes()} long.
 */
public interface RsaFamily {
    /** The public exponent a TPM uses when TPMS_RSA_PARMS.exponent is 0. */
    BigInteger DEFAULT_EXPONENT = BigInteger.valueOf(65537);

    /**
     * A fresh key pair from the provider's random source: n has exactly {@code bits} bits and is the
     * product of two distinct primes of {@code bits / 2} bits each, and gcd(e, lcm(p-1, q-1)) = 1.
     *
     * @param bits 1024, 2048, 3072 or 4096
     * @param publicExponent an odd exponent in [3, 2^32) ({@link #DEFAULT_EXPONENT} for the TPM's 0)
     * @throws IllegalArgumentException for other sizes or exponents
     */
    RsaKeyComponents generate(int bits, BigInteger publicExponent);

    /**
     * Imports a private key into the provider once, so that each later operation pays only for
     * the arithmetic. The handle may be cached and used from several threads; {@link
     * RsaPrivateKey#close()} releases native resources early (a cleaner does it otherwise).
     */
    RsaPrivateKey prepare(RsaKeyComponents key);

    /** A public key from modulus and exponent (both positive; n odd and at least 512 bits). */
    RsaPublicKey publicKey(BigInteger modulus, BigInteger publicExponent);
}
