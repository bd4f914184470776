package dev.jvtpm.engine.object.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.object.PreparedKeys;
import dev.jvtpm.engine.object.derivation.CreatedObject;
import dev.jvtpm.engine.object.derivation.ObjectFactory;
import dev.jvtpm.engine.object.derivation.PrimaryDerivation;
import dev.jvtpm.engine.object.derivation.ReferenceRsaKeyGenerator;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.testing.KatFile;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Part 1 §11.4.10 secret sharing (libtpms CryptSecretEncrypt / CryptSecretDecrypt), pinned by
 * secrets other implementations made: python3-tpm2-pytss' duplication and credential secrets
 * (kat/protect) and swtpm's TPM2_MakeCredential secrets for its derived EKs (kat/derivation).
 * Round trips and the reference's error codes under every provider policy.
 */
class SecretSharingTest {
    static final SecureRandom RANDOM = new SecureRandom();

    static Stream<CryptoSuite> suites() {
        return Stream.of(ProviderChain.javaOnly().resolve(ProviderPolicy.all()),
                ProviderChain.javaOnly().resolve(ProviderPolicy.pureJava()));
    }

    static Stream<Arguments> pytssCases() {
        return suites().flatMap(s -> Stream.of("kat/protect/pytss-rsa2048.properties", "kat/protect/pytss-eccp256.properties")
                .map(f -> Arguments.of(s, f)));
    }

    static PublicArea pub(byte[] b) throws TpmException {
        return PublicArea.read(new TpmReader(b), false);
    }

    @ParameterizedTest(name = "{1} under {0}")
    @MethodSource("pytssCases")
    void pytssSecretsDecryptToTheirSeeds(CryptoSuite suite, String file) throws Exception {
        KatFile kat = KatFile.load(file);
        PublicArea parent = pub(kat.bytes("parent.public"));
        SensitiveArea sensitive = SensitiveArea.read(new TpmReader(kat.bytes("parent.sensitive")));
        SecretSharing sharing = new SecretSharing(suite);
        try (PreparedKeys keys = new PreparedKeys(suite, parent, sensitive)) {
            assertThat(sharing.decrypt(keys, null, SecretLabel.DUPLICATE, kat.bytes("duplicate.encryptedSeed")))
                    .isEqualTo(kat.bytes("duplicate.seed"));
            assertThat(sharing.decrypt(keys, null, SecretLabel.DUPLICATE, kat.bytes("duplicateOuterOnly.encryptedSeed")))
                    .isEqualTo(kat.bytes("duplicateOuterOnly.seed"));
            assertThat(sharing.decrypt(keys, null, SecretLabel.IDENTITY, kat.bytes("credential.encryptedSeed")))
                    .isEqualTo(kat.bytes("credential.seed"));
        }
    }

    /** swtpm's MakeCredential secrets open with the EKs jvtpm derives from swtpm's endorsement seed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void swtpmCredentialSecretsOpenTheirBlobs(CryptoSuite suite) throws Exception {
        KatFile kat = KatFile.load("kat/derivation/swtpm-libtpms-0.9.2.properties");
        SecretSharing sharing = new SecretSharing(suite);
        for (String ek : List.of("rsa2048", "ecc256")) {
            String label = "endorsement.ek." + ek;
            PublicArea template = pub(kat.bytes(label + ".template"));
            byte[] auth = ObjectValidation.adjustAuthSize(kat.bytes(label + ".userAuth"), template.nameHash());
            CreatedObject o = new PrimaryDerivation(suite).derive(PrimaryDerivation.Version.V1, kat.bytes("seed.endorsement"),
                    template, new SensitiveCreate(auth, kat.bytes(label + ".data")),
                    List.of(kat.bytes("proof.owner"), kat.bytes("proof.endorsement")));
            try (PreparedKeys keys = new PreparedKeys(suite, o.publicArea(), o.sensitive())) {
                byte[] seed = sharing.decrypt(keys, null, SecretLabel.IDENTITY, kat.bytes("credential.ek." + ek + ".secret"));
                byte[] credential = new CredentialBlob(suite).unwrap(Protector.ofSeed(seed, o.publicArea()),
                        kat.bytes("credential.ek." + ek + ".objectName"), kat.bytes("credential.ek." + ek + ".blob"));
                assertThat(credential).as(ek).isEqualTo(kat.bytes("credential.ek." + ek + ".value"));
            }
        }
    }

    static CreatedObject key(CryptoSuite suite, PublicArea template) throws TpmException {
        return new ObjectFactory(suite).createOrdinary(template, new SensitiveCreate(new byte[32], new byte[0]),
                RANDOM::nextBytes, new ReferenceRsaKeyGenerator());
    }

    static Stream<Arguments> asymmetricStorageKeys() {
        return suites().flatMap(s -> Stream.of(
                Arguments.of(s, "RSA-2048", Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL)),
                Arguments.of(s, "ECC P-256", Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL)),
                Arguments.of(s, "ECC P-384 SHA-384", Templates.withNameAlg(
                        Templates.ecc(Templates.STORAGE, EccCurve.NIST_P384, Templates.AES256_CFB, Scheme.NULL), TpmAlgId.SHA384)),
                Arguments.of(s, "ECC P-521 SHA-512", Templates.withNameAlg(
                        Templates.ecc(Templates.STORAGE, EccCurve.NIST_P521, Templates.AES256_CFB, Scheme.NULL), TpmAlgId.SHA512))));
    }

    @ParameterizedTest(name = "{1} under {0}")
    @MethodSource("asymmetricStorageKeys")
    void roundTripForEveryLabelAndOnlyWithTheSameLabel(CryptoSuite suite, String what, PublicArea template) throws Exception {
        CreatedObject o = key(suite, template);
        SecretSharing sharing = new SecretSharing(suite);
        try (PreparedKeys full = new PreparedKeys(suite, o.publicArea(), o.sensitive());
             PreparedKeys publicOnly = new PreparedKeys(suite, o.publicArea(), null)) {
            for (SecretLabel label : SecretLabel.values()) {
                SecretSharing.Shared shared = sharing.encrypt(publicOnly, label, RANDOM::nextBytes);
                assertThat(shared.seed()).hasSize(o.publicArea().nameHash().digestSize());
                assertThat(sharing.decrypt(full, null, label, shared.encryptedSecret())).isEqualTo(shared.seed());
                SecretLabel other = SecretLabel.values()[(label.ordinal() + 1) % 3];
                if (template.type() == TpmAlgId.RSA) {
                    assertThatThrownBy(() -> sharing.decrypt(full, null, other, shared.encryptedSecret()))
                            .isInstanceOf(TpmException.class).extracting(e -> ((TpmException) e).rc()).isEqualTo(TpmRc.FAILURE);
                } else {
                    assertThat(sharing.decrypt(full, null, other, shared.encryptedSecret())).isNotEqualTo(shared.seed());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void rsaErrors(CryptoSuite suite) throws Exception {
        SecretSharing sharing = new SecretSharing(suite);
        CreatedObject o = key(suite, Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL));
        try (PreparedKeys keys = new PreparedKeys(suite, o.publicArea(), o.sensitive())) {
            byte[] secret = sharing.encrypt(keys, SecretLabel.SECRET, RANDOM::nextBytes).encryptedSecret();
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, Arrays.copyOf(secret, 255)))).isEqualTo(TpmRc.SIZE);
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, new byte[0]))).isEqualTo(TpmRc.SIZE);
            byte[] flipped = secret.clone();
            flipped[100] ^= 1;
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, flipped))).isEqualTo(TpmRc.FAILURE);
            byte[] aboveModulus = new byte[256];
            Arrays.fill(aboveModulus, (byte) 0xFF);
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, aboveModulus))).isEqualTo(TpmRc.FAILURE);
        }
        // A decrypt key with an RSAES scheme cannot receive a secret: TPM_RC_SCHEME.
        PublicArea rsaes = Templates.rsa(ObjectAttributes.DECRYPT | ObjectAttributes.SENSITIVE_DATA_ORIGIN
                | ObjectAttributes.USER_WITH_AUTH, 2048, SymDefObject.NULL, new Scheme.RsaEs());
        CreatedObject es = key(suite, rsaes);
        try (PreparedKeys keys = new PreparedKeys(suite, es.publicArea(), es.sensitive())) {
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, new byte[256]))).isEqualTo(TpmRc.SCHEME);
        }
        // A signing key cannot be given a secret: TPM_RC_ATTRIBUTES.
        CreatedObject signer = key(suite, Templates.rsa(Templates.SIGNING, 2048, SymDefObject.NULL, Scheme.NULL));
        try (PreparedKeys keys = new PreparedKeys(suite, signer.publicArea(), null)) {
            assertThat(rc(() -> sharing.encrypt(keys, SecretLabel.SECRET, RANDOM::nextBytes))).isEqualTo(TpmRc.ATTRIBUTES);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void eccErrors(CryptoSuite suite) throws Exception {
        SecretSharing sharing = new SecretSharing(suite);
        CreatedObject o = key(suite, Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL));
        try (PreparedKeys keys = new PreparedKeys(suite, o.publicArea(), o.sensitive())) {
            byte[] secret = sharing.encrypt(keys, SecretLabel.SECRET, RANDOM::nextBytes).encryptedSecret();
            assertThat(secret).hasSize(2 + 32 + 2 + 32);
            // Trailing bytes after the point are ignored, as the reference ignores them.
            byte[] longer = Arrays.copyOf(secret, secret.length + 3);
            assertThat(sharing.decrypt(keys, null, SecretLabel.SECRET, longer))
                    .isEqualTo(sharing.decrypt(keys, null, SecretLabel.SECRET, secret));
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, Arrays.copyOf(secret, 40))))
                    .isEqualTo(TpmRc.INSUFFICIENT);
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, new byte[0]))).isEqualTo(TpmRc.INSUFFICIENT);
            byte[] offCurve = secret.clone();
            offCurve[10] ^= 1;
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, offCurve))).isEqualTo(TpmRc.ECC_POINT);
            byte[] empty = new TpmWriter(4).u16(0).u16(0).toByteArray();
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, empty))).isEqualTo(TpmRc.ECC_POINT);
            byte[] tooLong = new TpmWriter(140).tpm2b(new byte[67]).tpm2b(new byte[32]).toByteArray();
            assertThat(rc(() -> sharing.decrypt(keys, null, SecretLabel.SECRET, tooLong))).isEqualTo(TpmRc.SIZE);
        }
        // A public key that is not on its curve cannot be encrypted to: TPM_RC_KEY.
        EccPoint q = ((dev.jvtpm.engine.types.object.PublicId.Ecc) o.publicArea().unique()).point();
        byte[] badY = q.y().clone();
        badY[0] ^= 1;
        PublicArea bad = o.publicArea().withUnique(new dev.jvtpm.engine.types.object.PublicId.Ecc(new EccPoint(q.x(), badY)));
        try (PreparedKeys keys = new PreparedKeys(suite, bad, null)) {
            assertThat(rc(() -> sharing.encrypt(keys, SecretLabel.SECRET, RANDOM::nextBytes))).isEqualTo(TpmRc.KEY);
        }
    }

    /** Salted sessions with a KEYEDHASH tpmKey: XOR with KDFa(nameAlg, key, "XOR", nonceCaller, ∅). */
    @Test
    void keyedHashSecretIsXorObfuscated() throws Exception {
        CryptoSuite suite = suites().findFirst().orElseThrow();
        PublicArea p = Templates.keyedHash(ObjectAttributes.DECRYPT | ObjectAttributes.USER_WITH_AUTH, HashAlg.SHA256,
                new Scheme.Xor(HashAlg.SHA256, TpmAlgId.KDF1_SP800_108));
        byte[] bits = bytes(32, 7);
        byte[] nonce = bytes(16, 9);
        byte[] salt = bytes(32, 11);
        byte[] secret = xor(salt, kdfaSha256(bits, "XOR", nonce, 256));
        try (PreparedKeys keys = new PreparedKeys(suite, p, new SensitiveArea(TpmAlgId.KEYEDHASH, new byte[0], new byte[32], bits))) {
            SecretSharing sharing = new SecretSharing(suite);
            assertThat(sharing.decrypt(keys, nonce, SecretLabel.SECRET, secret)).isEqualTo(salt);
            assertThat(rc(() -> sharing.decrypt(keys, nonce, SecretLabel.SECRET, new byte[33]))).isEqualTo(TpmRc.VALUE);
        }
    }

    /** Salted sessions with a SYMCIPHER tpmKey: CFB decryption with nonceCaller (cut or padded to a block) as IV. */
    @ParameterizedTest
    @ValueSource(ints = {16, 20, 8})
    void symCipherSecretIsCfbEncrypted(int nonceSize) throws Exception {
        CryptoSuite suite = suites().findFirst().orElseThrow();
        PublicArea p = Templates.symCipher(ObjectAttributes.DECRYPT | ObjectAttributes.USER_WITH_AUTH, HashAlg.SHA256,
                SymDefObject.aes(128, TpmAlgId.CFB));
        byte[] key = bytes(16, 3);
        byte[] nonce = bytes(nonceSize, 5);
        byte[] salt = bytes(32, 13);
        Cipher c = Cipher.getInstance("AES/CFB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(nonce, 16)));
        byte[] secret = c.doFinal(salt);
        try (PreparedKeys keys = new PreparedKeys(suite, p, new SensitiveArea(TpmAlgId.SYMCIPHER, new byte[0], new byte[32], key))) {
            assertThat(new SecretSharing(suite).decrypt(keys, nonce, SecretLabel.SECRET, secret)).isEqualTo(salt);
        }
        assertThat(suite.ciphers().aes(SymMode.CFB, true, key, Arrays.copyOf(nonce, 16), salt)).isEqualTo(secret);
    }

    private interface Call {
        Object run() throws TpmException;
    }

    private static int rc(Call c) {
        try {
            c.run();
        } catch (TpmException e) {
            return e.rc();
        }
        throw new AssertionError("no error");
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] o = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            o[i] = (byte) (a[i] ^ b[i]);
        }
        return o;
    }

    /** SP 800-108 counter-mode KDF as Part 1 §11.4.10.2 defines KDFa, computed with JCA's HMAC as the oracle. */
    private static byte[] kdfaSha256(byte[] key, String label, byte[] context, int bits) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(new byte[] {0, 0, 0, 1});
        mac.update((label + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        mac.update(context);
        mac.update(new byte[] {0, 0, (byte) (bits >>> 8), (byte) bits});
        return Arrays.copyOf(mac.doFinal(), bits / 8);
    }
}
