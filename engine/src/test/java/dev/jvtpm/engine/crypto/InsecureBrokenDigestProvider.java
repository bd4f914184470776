package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.types.HashAlg;
import java.util.Optional;

/**
 * A deliberately broken crypto provider for chain tests: it claims the hardware tier and serves
 * digests and HMACs whose last bit is flipped, the way a miscompiled intrinsic would fail. The
 * chain must refuse it at self-test and say so.
 */
final class InsecureBrokenDigestProvider implements CryptoProvider {
    private final DigestFamily honest = new BouncyCastleProvider().digests().orElseThrow();

    @Override
    public String name() {
        return "insecure-broken-digest";
    }

    @Override
    public Tier tier() {
        return Tier.HARDWARE;
    }

    @Override
    public Optional<DigestFamily> digests() {
        return Optional.of(new DigestFamily() {
            @Override
            public Hasher hasher(HashAlg alg) {
                return new Flipping(honest.hasher(alg));
            }

            @Override
            public Hasher hmac(HashAlg alg, byte[] key) {
                return new Flipping(honest.hmac(alg, key));
            }
        });
    }

    private static final class Flipping implements Hasher {
        private final Hasher inner;

        Flipping(Hasher inner) {
            this.inner = inner;
        }

        @Override
        public Hasher update(byte[] data, int off, int len) {
            inner.update(data, off, len);
            return this;
        }

        @Override
        public byte[] digest() {
            byte[] d = inner.digest();
            d[d.length - 1] ^= 1;
            return d;
        }

        @Override
        public Hasher copy() {
            return new Flipping(inner.copy());
        }
    }
}
