package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.crypto.jca.JcaProvider;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.util.Optional;
import javax.crypto.BadPaddingException;

/**
 * A deliberately broken provider for chain tests: hardware tier, RSA whose PKCS#1 v1.5 signatures
 * come out with one bit flipped, as a miscompiled native library's might. The chain must refuse
 * it at self-test and say so.
 */
final class InsecureBrokenRsaProvider implements CryptoProvider {
    private final RsaFamily real = new JcaProvider().rsa().orElseThrow();

    @Override
    public String name() {
        return "insecure-broken-rsa";
    }

    @Override
    public Tier tier() {
        return Tier.HARDWARE;
    }

    @Override
    public Optional<RsaFamily> rsa() {
        return Optional.of(new RsaFamily() {
            @Override
            public RsaKeyComponents generate(int bits, BigInteger e) {
                return real.generate(bits, e);
            }

            @Override
            public RsaPrivateKey prepare(RsaKeyComponents key) {
                RsaPrivateKey k = real.prepare(key);
                return new RsaPrivateKey() {
                    @Override
                    public byte[] signPkcs1(HashAlg hash, byte[] digest) {
                        byte[] s = k.signPkcs1(hash, digest);
                        s[7] ^= 0x10;
                        return s;
                    }

                    @Override
                    public byte[] signPss(HashAlg hash, byte[] digest) {
                        return k.signPss(hash, digest);
                    }

                    @Override
                    public byte[] decryptOaep(HashAlg h, byte[] l, byte[] c) throws BadPaddingException {
                        return k.decryptOaep(h, l, c);
                    }

                    @Override
                    public byte[] decryptPkcs1(byte[] c) throws BadPaddingException {
                        return k.decryptPkcs1(c);
                    }

                    @Override
                    public byte[] decryptRaw(byte[] c) throws BadPaddingException {
                        return k.decryptRaw(c);
                    }

                    @Override
                    public void close() {
                        k.close();
                    }

                    @Override
                    public BigInteger modulus() {
                        return k.modulus();
                    }

                    @Override
                    public BigInteger publicExponent() {
                        return k.publicExponent();
                    }

                    @Override
                    public boolean verifyPkcs1(HashAlg h, byte[] d, byte[] s) {
                        return k.verifyPkcs1(h, d, s);
                    }

                    @Override
                    public boolean verifyPss(HashAlg h, byte[] d, byte[] s, int salt) {
                        return k.verifyPss(h, d, s, salt);
                    }

                    @Override
                    public byte[] encryptOaep(HashAlg h, byte[] l, byte[] m) {
                        return k.encryptOaep(h, l, m);
                    }

                    @Override
                    public byte[] encryptPkcs1(byte[] m) {
                        return k.encryptPkcs1(m);
                    }

                    @Override
                    public byte[] encryptRaw(byte[] m) {
                        return k.encryptRaw(m);
                    }
                };
            }

            @Override
            public RsaPublicKey publicKey(BigInteger n, BigInteger e) {
                return real.publicKey(n, e);
            }
        });
    }
}
