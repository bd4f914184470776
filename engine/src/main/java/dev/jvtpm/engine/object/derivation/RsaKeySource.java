package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.wire.TpmException;

/**
 * Where new RSA keys come from. Primary objects always use {@link ReferenceRsaKeyGenerator}
 * driven by their seeded DRBG; ordinary TPM2_Create keys may come from any implementation
 * (a provider's key generator, or a pool filled in the background), since only their
 * randomness matters. Guarantee: a key whose modulus has exactly {@code keyBits} bits, made of two
 * primes of keyBits/2 bits each, with {@code exponent} invertible modulo p−1 and q−1.
 */
public interface RsaKeySource {
    /**
     * @param exponent the public exponent, already validated (≥ 65537)
     * @param rng      the object's random source (ignored by sources that have their own)
     * @param signing  whether the key will sign (the reference then does a trial
     *                 encryption, which consumes DRBG output)
     */
    RsaKeyPair generate(int keyBits, long exponent, RandomSource rng, boolean signing) throws TpmException;
}
