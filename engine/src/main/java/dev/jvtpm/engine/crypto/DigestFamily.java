package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;

/** SHA-1/256/384/512. Guarantee: output equals FIPS 180-4 for every input. */
public interface DigestFamily {
    Hasher hasher(HashAlg alg);

    /** An HMAC (RFC 2104) keyed with {@code key}; the key may be empty or longer than a block. */
    Hasher hmac(HashAlg alg, byte[] key);
}
