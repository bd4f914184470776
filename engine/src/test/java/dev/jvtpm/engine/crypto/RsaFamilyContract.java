package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every provider's {@link RsaFamily} must do, run once per provider by a subclass naming it.
 * Properties with random keys and inputs; the fixed vectors are in the Wycheproof tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RsaFamilyContract {
    protected abstract CryptoProvider provider();

    private RsaFamily rsa;
    private RsaKeyComponents key2048;
    private final SecureRandom random = new SecureRandom();

    @BeforeAll
    void generateOnce() {
        rsa = provider().rsa().orElseThrow();
        key2048 = rsa.generate(2048, RsaFamily.DEFAULT_EXPONENT);
    }

    private byte[] digest(HashAlg h) {
        byte[] d = new byte[h.digestSize()];
        random.nextBytes(d);
        return d;
    }

    @Test
    void generatedKeysHaveExactSizeAndHalfSizePrimes() {
        for (int bits : new int[] {1024, 2048}) {
            RsaKeyComponents k = bits == 2048 ? key2048 : rsa.generate(bits, RsaFamily.DEFAULT_EXPONENT);
            assertThat(k.modulus().bitLength()).isEqualTo(bits);
            assertThat(k.p().bitLength()).isEqualTo(bits / 2);
            assertThat(k.q().bitLength()).isEqualTo(bits / 2);
            assertThat(k.p().isProbablePrime(64)).isTrue();
            assertThat(k.q().isProbablePrime(64)).isTrue();
            assertThat(k.publicExponent()).isEqualTo(BigInteger.valueOf(65537));
        }
    }

    @Test
    void generationHonoursAGivenOddExponent() {
        RsaKeyComponents k = rsa.generate(1024, BigInteger.valueOf(3));
        assertThat(k.publicExponent()).isEqualTo(BigInteger.valueOf(3));
        try (RsaPrivateKey key = rsa.prepare(k)) {
            byte[] d = digest(HashAlg.SHA256);
            assertThat(key.verifyPkcs1(HashAlg.SHA256, d, key.signPkcs1(HashAlg.SHA256, d))).isTrue();
        }
    }

    @Test
    void generationRejectsUnsupportedSizesAndEvenExponents() {
        assertThatThrownBy(() -> rsa.generate(1536, RsaFamily.DEFAULT_EXPONENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rsa.generate(2048, BigInteger.valueOf(65536))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A TPM keeps one prime: the key rebuilt from (n, e, p) must sign exactly like the original. */
    @Test
    void keyRebuiltFromOnePrimeSignsIdentically() {
        RsaKeyComponents rebuilt = RsaKeyComponents.fromPrime(key2048.modulus(), key2048.publicExponent(), key2048.p());
        RsaKeyComponents fromQ = RsaKeyComponents.fromPrime(key2048.modulus(), key2048.publicExponent(), key2048.q());
        byte[] d = digest(HashAlg.SHA256);
        try (RsaPrivateKey a = rsa.prepare(key2048); RsaPrivateKey b = rsa.prepare(rebuilt); RsaPrivateKey c = rsa.prepare(fromQ)) {
            assertThat(b.signPkcs1(HashAlg.SHA256, d)).isEqualTo(a.signPkcs1(HashAlg.SHA256, d));
            assertThat(c.signPkcs1(HashAlg.SHA256, d)).isEqualTo(a.signPkcs1(HashAlg.SHA256, d));
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlg.class)
    void pkcs1SignaturesVerifyAndAreModulusLength(HashAlg h) {
        byte[] d = digest(h);
        try (RsaPrivateKey key = rsa.prepare(key2048)) {
            byte[] sig = key.signPkcs1(h, d);
            assertThat(sig).hasSize(256);
            assertThat(key.signPkcs1(h, d)).as("deterministic").isEqualTo(sig);
            RsaPublicKey pub = rsa.publicKey(key2048.modulus(), key2048.publicExponent());
            assertThat(pub.verifyPkcs1(h, d, sig)).isTrue();
            byte[] other = d.clone();
            other[0] ^= 1;
            assertThat(pub.verifyPkcs1(h, other, sig)).isFalse();
            assertThat(pub.verifyPkcs1(h, d, Arrays.copyOf(sig, 255))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlg.class)
    void pssSignaturesUseTheTpmSaltLength(HashAlg h) {
        byte[] d = digest(h);
        try (RsaPrivateKey key = rsa.prepare(key2048)) {
            byte[] sig = key.signPss(h, d);
            assertThat(sig).hasSize(256);
            assertThat(key.signPss(h, d)).as("salted, so randomised").isNotEqualTo(sig);
            assertThat(key.verifyPss(h, d, sig, h.digestSize())).isTrue();
            assertThat(key.verifyPss(h, d, sig, RsaPublicKey.PSS_ANY_SALT)).isTrue();
            assertThat(key.verifyPss(h, d, sig, h.digestSize() - 1)).isFalse();
            byte[] other = d.clone();
            other[d.length - 1] ^= 1;
            assertThat(key.verifyPss(h, other, sig, RsaPublicKey.PSS_ANY_SALT)).isFalse();
        }
    }

    /** libtpms CryptRsaPssSaltSize: a 1024-bit key with SHA-512 cannot fit a 64-byte salt; it gets 62. */
    @Test
    void pssWithSha512OnA1024BitKeyUsesTheLargestSaltThatFits() {
        RsaKeyComponents k = rsa.generate(1024, RsaFamily.DEFAULT_EXPONENT);
        byte[] d = digest(HashAlg.SHA512);
        try (RsaPrivateKey key = rsa.prepare(k)) {
            byte[] sig = key.signPss(HashAlg.SHA512, d);
            assertThat(EmsaPss.tpmSaltLength(HashAlg.SHA512, 1024)).isEqualTo(62);
            assertThat(key.verifyPss(HashAlg.SHA512, d, sig, 62)).isTrue();
            assertThat(key.verifyPss(HashAlg.SHA512, d, sig, 64)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlg.class)
    void oaepRoundTripsWithTpmLabelsIncludingTheirNul(HashAlg h) throws Exception {
        byte[] label = "DUPLICATE\0".getBytes(StandardCharsets.US_ASCII);
        try (RsaPrivateKey key = rsa.prepare(key2048)) {
            byte[] secret = new byte[RsaInputs.maxOaepMessage(key, h)];
            random.nextBytes(secret);
            byte[] ct = key.encryptOaep(h, label, secret);
            assertThat(ct).hasSize(256);
            assertThat(key.decryptOaep(h, label, ct)).isEqualTo(secret);
            byte[] withoutNul = Arrays.copyOf(label, label.length - 1);
            assertThatThrownBy(() -> key.decryptOaep(h, withoutNul, ct)).isInstanceOf(BadPaddingException.class);
            assertThat(key.decryptOaep(h, new byte[0], key.encryptOaep(h, new byte[0], new byte[0]))).isEmpty();
            assertThatThrownBy(() -> key.encryptOaep(h, label, new byte[secret.length + 1]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pkcs1EncryptionRoundTripsAndGarbageIsRejected() throws Exception {
        try (RsaPrivateKey key = rsa.prepare(key2048)) {
            byte[] m = "seed".getBytes(StandardCharsets.US_ASCII);
            assertThat(key.decryptPkcs1(key.encryptPkcs1(m))).isEqualTo(m);
            byte[] garbage = key.encryptRaw(new byte[] {0x42});
            assertThatThrownBy(() -> key.decryptPkcs1(garbage)).isInstanceOf(BadPaddingException.class);
            assertThatThrownBy(() -> key.decryptOaep(HashAlg.SHA256, new byte[0], garbage))
                    .isInstanceOf(BadPaddingException.class);
        }
    }

    @Test
    void rawOperationsAreTheBareExponentiations() throws Exception {
        try (RsaPrivateKey key = rsa.prepare(key2048)) {
            byte[] m = new byte[] {1, 2, 3};
            byte[] c = key.encryptRaw(m);
            BigInteger expected = new BigInteger(1, m).modPow(key2048.publicExponent(), key2048.modulus());
            assertThat(c).isEqualTo(Octets.i2osp(expected, 256));
            byte[] back = key.decryptRaw(c);
            assertThat(back).hasSize(256);
            assertThat(new BigInteger(1, back)).isEqualTo(BigInteger.valueOf(0x010203));
        }
    }

    @Test
    void ciphertextsNotBelowTheModulusOrOfWrongLengthAreRejected() {
        try (RsaPrivateKey key = rsa.prepare(key2048)) {
            byte[] n = Octets.i2osp(key2048.modulus(), 256);
            assertThatThrownBy(() -> key.decryptRaw(n)).isInstanceOf(BadPaddingException.class);
            assertThatThrownBy(() -> key.decryptOaep(HashAlg.SHA256, new byte[0], new byte[255]))
                    .isInstanceOf(BadPaddingException.class);
            assertThat(key.verifyPkcs1(HashAlg.SHA256, new byte[32], n)).isFalse();
            assertThatThrownBy(() -> key.encryptRaw(n)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closedKeysRefuseToWork() {
        RsaPrivateKey key = rsa.prepare(key2048);
        key.close();
        key.close();
        assertThatThrownBy(() -> key.signPkcs1(HashAlg.SHA256, new byte[32])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void passesThePowerOnSelfTest() {
        assertThat(SelfTest.rsa(rsa)).isNull();
    }
}
