package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.crypto.bc.BouncyCastleProvider;
import dev.jvtpm.engine.crypto.jca.JcaProvider;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.BadPaddingException;
import org.junit.jupiter.api.Test;

/** How the chain chooses, and what it reports when it passes a provider over. */
class ProviderChainTest {
    /** A hardware-tier provider whose RSA signatures come out corrupted, as a broken native library's might. */
    private static final class CorruptRsaProvider implements CryptoProvider {
        private final RsaFamily real = new JcaProvider().rsa().orElseThrow();

        @Override
        public String name() {
            return "corrupt";
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

    /** A hardware-tier provider whose library is missing on this host. */
    private static final class AbsentProvider implements CryptoProvider {
        @Override
        public String name() {
            return "absent";
        }

        @Override
        public Tier tier() {
            return Tier.HARDWARE;
        }

        @Override
        public Set<PrimitiveFamily> families() {
            return Set.of(PrimitiveFamily.ECC);
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("libabsent.so not found");
        }
    }

    private static Map<String, CryptoSuite.Choice> byFamily(CryptoSuite s) {
        return s.report().stream().collect(Collectors.toMap(CryptoSuite.Choice::family, c -> c));
    }

    @Test
    void aProviderFailingItsSelfTestIsPassedOverAndReported() {
        CryptoSuite s = new ProviderChain(List.of(new BouncyCastleProvider(), new CorruptRsaProvider()))
                .resolve(ProviderPolicy.all());
        CryptoSuite.Choice rsa = byFamily(s).get("rsa");
        assertThat(rsa.provider()).isEqualTo("bouncycastle");
        assertThat(rsa.alternatives()).containsExactly("corrupt: self-test failed (RSASSA-PKCS1-v1_5 KAT mismatch)");
    }

    @Test
    void anUnavailableProviderIsListedOnlyForTheFamiliesItWouldOffer() {
        CryptoSuite s = ProviderChain.standard(List.of(new AbsentProvider())).resolve(ProviderPolicy.all());
        Map<String, CryptoSuite.Choice> c = byFamily(s);
        assertThat(c.get("ecc").provider()).isEqualTo("jca");
        assertThat(c.get("ecc").alternatives()).contains("absent: unavailable (libabsent.so not found)");
        assertThat(c.get("rsa").alternatives()).noneMatch(a -> a.startsWith("absent"));
        assertThat(s.chainOrder()).isEqualTo("absent, jca, bouncycastle");
    }

    @Test
    void theJavaOnlyChainUsesJcaAndKeepsBouncyCastleAsTheTwin() {
        CryptoSuite s = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        assertThat(s.report()).extracting(CryptoSuite.Choice::provider).containsOnly("jca");
        assertThat(s.report()).extracting(CryptoSuite.Choice::family)
                .containsExactly("digest+hmac", "aes", "entropy", "rsa", "ecc");
        CryptoSuite pure = ProviderChain.javaOnly().resolve(ProviderPolicy.pureJava());
        assertThat(pure.report()).extracting(CryptoSuite.Choice::provider).containsOnly("bouncycastle");
        assertThat(byFamily(pure).get("rsa").alternatives()).containsExactly("jca: excluded by policy (hardware tier)");
    }

    @Test
    void theReportNamesEachChoiceWithItsReasonAndTheHostFacts() {
        CryptoSuite s = ProviderChain.standard(List.of(new AbsentProvider())).resolve(ProviderPolicy.all());
        String text = ProviderReport.format(s, List.of("cpu: aes sha_ni"));
        assertThat(text).startsWith("crypto providers (policy [HARDWARE, HOST_TPM, PURE_JAVA]; chain order: absent, jca, bouncycastle)\n")
                .contains("  ecc          jca - first in chain order offering it (hardware tier), passed its power-on self-test\n"
                        + "                 absent: unavailable (libabsent.so not found)\n"
                        + "                 bouncycastle: available, later in the chain (pure-java tier)\n")
                .endsWith("host\n  cpu: aes sha_ni\n");
    }
}
