package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;

/**
 * A real provider suite with one primitive deliberately broken, to prove that the TPM's
 * self-tests catch a bad provider before its output reaches a client.
 */
public final class FaultyCrypto {
    private FaultyCrypto() {}

    /** The Java-only suite, except that every {@code broken} digest and HMAC has its first bit flipped. */
    public static CryptoSuite withBrokenHash(HashAlg broken) {
        CryptoSuite base = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        DigestFamily real = base.digests();
        DigestFamily faulty = new DigestFamily() {
            @Override
            public Hasher hasher(HashAlg alg) {
                return alg == broken ? flipping(real.hasher(alg)) : real.hasher(alg);
            }

            @Override
            public Hasher hmac(HashAlg alg, byte[] key) {
                return alg == broken ? flipping(real.hmac(alg, key)) : real.hmac(alg, key);
            }
        };
        return new CryptoSuite(faulty, base.ciphers(), base.entropy(), base.rsa(), base.ecc(), base.report(),
                base.policy(), base.chainOrder());
    }

    private static Hasher flipping(Hasher h) {
        return new Hasher() {
            @Override
            public Hasher update(byte[] data, int off, int len) {
                h.update(data, off, len);
                return this;
            }

            @Override
            public byte[] digest() {
                byte[] d = h.digest();
                d[0] ^= (byte) 0x80;
                return d;
            }

            @Override
            public Hasher copy() {
                return flipping(h.copy());
            }
        };
    }
}
