package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.types.HashAlg;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Design "The provider chain": where an operation is deterministic, every provider gives the same
 * bytes. Random inputs from fixed seeds, compared between the default suite (JCA) and the
 * pure-Java one (BouncyCastle).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossProviderDeterminismTest {
    private static final String[] LABELS = {"ATH", "CFB", "XOR", "SECRET", "STORAGE", "INTEGRITY", "DUPLICATE",
        "IDENTITY", "OBFUSCATE", ""};

    private CryptoSuite jca;
    private CryptoSuite pure;

    @BeforeAll
    void resolveBothSuites() {
        jca = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
        pure = ProviderChain.javaOnly().resolve(ProviderPolicy.pureJava());
        assertThat(jca.report()).allMatch(c -> c.provider().equals("jca"));
        assertThat(pure.report()).allMatch(c -> c.provider().equals("bouncycastle"));
    }

    @Test
    void hashesAgree() {
        Random rnd = new Random(1);
        for (int i = 0; i < 400; i++) {
            HashAlg alg = HashAlg.values()[i % 4];
            byte[] msg = bytes(rnd, rnd.nextInt(700));
            assertThat(jca.hash(alg, msg)).as("%s len %d", alg, msg.length).isEqualTo(pure.hash(alg, msg));
        }
    }

    @Test
    void hmacsAgreeIncludingEmptyAndLongKeys() {
        Random rnd = new Random(2);
        for (int i = 0; i < 400; i++) {
            HashAlg alg = HashAlg.values()[i % 4];
            byte[] key = bytes(rnd, i % 10 == 0 ? 0 : rnd.nextInt(300));
            byte[] msg = bytes(rnd, rnd.nextInt(700));
            assertThat(jca.hmac(alg, key, msg)).as("%s key %d msg %d", alg, key.length, msg.length)
                    .isEqualTo(pure.hmac(alg, key, msg));
        }
    }

    @Test
    void aesAgreesInEveryModeAndLength() {
        Random rnd = new Random(3);
        for (int i = 0; i < 500; i++) {
            SymMode mode = SymMode.values()[i % SymMode.values().length];
            byte[] key = bytes(rnd, rnd.nextBoolean() ? 16 : 32);
            byte[] iv = bytes(rnd, 16);
            boolean whole = mode == SymMode.CBC || mode == SymMode.ECB;
            byte[] data = bytes(rnd, whole ? 16 * rnd.nextInt(9) : rnd.nextInt(150));
            for (boolean encrypt : new boolean[] {true, false}) {
                assertThat(jca.ciphers().aes(mode, encrypt, key, iv, data))
                        .as("%s %s len %d", mode, encrypt ? "encrypt" : "decrypt", data.length)
                        .isEqualTo(pure.ciphers().aes(mode, encrypt, key, iv, data));
            }
        }
    }

    @Test
    void gcmAgreesAndEachOpensTheOthersSeal() throws AEADBadTagException {
        Random rnd = new Random(4);
        for (int i = 0; i < 200; i++) {
            byte[] key = bytes(rnd, rnd.nextBoolean() ? 16 : 32);
            byte[] nonce = bytes(rnd, 12);
            byte[] aad = bytes(rnd, rnd.nextInt(60));
            byte[] pt = bytes(rnd, rnd.nextInt(200));
            byte[] sealed = jca.ciphers().gcmSeal(key, nonce, aad, pt);
            assertThat(pure.ciphers().gcmSeal(key, nonce, aad, pt)).isEqualTo(sealed);
            assertThat(pure.ciphers().gcmOpen(key, nonce, aad, sealed)).isEqualTo(pt);
            assertThat(jca.ciphers().gcmOpen(key, nonce, aad, sealed)).isEqualTo(pt);
        }
    }

    @Test
    void kdfsAgree() {
        Random rnd = new Random(5);
        Kdf a = new Kdf(jca.digests());
        Kdf b = new Kdf(pure.digests());
        for (int i = 0; i < 300; i++) {
            HashAlg alg = HashAlg.values()[i % 4];
            byte[] key = bytes(rnd, rnd.nextInt(80));
            String label = LABELS[rnd.nextInt(LABELS.length)];
            byte[] u = rnd.nextInt(5) == 0 ? null : bytes(rnd, rnd.nextInt(70));
            byte[] v = rnd.nextInt(5) == 0 ? null : bytes(rnd, rnd.nextInt(70));
            int bits = 1 + rnd.nextInt(2100);
            assertThat(a.kdfa(alg, key, label, u, v, bits)).as("KDFa %s %d bits", alg, bits)
                    .isEqualTo(b.kdfa(alg, key, label, u, v, bits));
            assertThat(a.kdfe(alg, key, label, u, v, bits)).as("KDFe %s %d bits", alg, bits)
                    .isEqualTo(b.kdfe(alg, key, label, u, v, bits));
        }
    }

    @Test
    void ctrDrbgFromTheSameSeedAgrees() {
        Random rnd = new Random(6);
        for (int i = 0; i < 40; i++) {
            byte[] seed = bytes(rnd, CtrDrbg.SEED_LEN);
            byte[] personalization = rnd.nextBoolean() ? null : bytes(rnd, rnd.nextInt(CtrDrbg.SEED_LEN + 1));
            CtrDrbg a = CtrDrbg.fromSeed(jca.ciphers(), seed, personalization);
            CtrDrbg b = CtrDrbg.fromSeed(pure.ciphers(), seed, personalization);
            for (int step = 0; step < 6; step++) {
                if (step == 3) {
                    byte[] reseed = bytes(rnd, CtrDrbg.SEED_LEN);
                    byte[] input = bytes(rnd, rnd.nextInt(CtrDrbg.SEED_LEN + 1));
                    a.reseed(reseed, input);
                    b.reseed(reseed, input);
                }
                int len = step == 5 ? CtrDrbg.MAX_REQUEST + 1 + rnd.nextInt(1000) : rnd.nextInt(300);
                byte[] input = rnd.nextBoolean() ? null : bytes(rnd, rnd.nextInt(CtrDrbg.SEED_LEN + 1));
                byte[] outA = new byte[len];
                byte[] outB = new byte[len];
                a.generate(outA, input);
                b.generate(outB, input);
                assertThat(outA).as("seed %d step %d len %d", i, step, len).isEqualTo(outB);
            }
        }
    }

    private static byte[] bytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
