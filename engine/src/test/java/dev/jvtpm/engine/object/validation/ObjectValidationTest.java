package dev.jvtpm.engine.object.validation;

import static dev.jvtpm.engine.testing.Templates.AES128_CFB;
import static dev.jvtpm.engine.testing.Templates.EK;
import static dev.jvtpm.engine.testing.Templates.SIGNING;
import static dev.jvtpm.engine.testing.Templates.STORAGE;
import static dev.jvtpm.engine.testing.Templates.ecc;
import static dev.jvtpm.engine.testing.Templates.keyedHash;
import static dev.jvtpm.engine.testing.Templates.rsa;
import static dev.jvtpm.engine.testing.Templates.symCipher;
import static dev.jvtpm.engine.testing.Templates.withAttributes;
import static dev.jvtpm.engine.testing.Templates.withNameAlg;
import static dev.jvtpm.engine.testing.Templates.withParms;
import static dev.jvtpm.engine.testing.Templates.withPolicy;
import static dev.jvtpm.engine.types.object.ObjectAttributes.ADMIN_WITH_POLICY;
import static dev.jvtpm.engine.types.object.ObjectAttributes.DECRYPT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.ENCRYPTED_DUPLICATION;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_PARENT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_TPM;
import static dev.jvtpm.engine.types.object.ObjectAttributes.RESTRICTED;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SENSITIVE_DATA_ORIGIN;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SIGN;
import static dev.jvtpm.engine.types.object.ObjectAttributes.USER_WITH_AUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.derivation.EccArithmetic;
import dev.jvtpm.engine.object.derivation.SymmetricUnique;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.KdfScheme;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.math.BigInteger;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Part 3 §12.1-12.3, §13.3, §24.1 object validation, each rule with the code libtpms 0.9.2 returns
 * and where it places it (inPublic = parameter 2, inSensitive/inPrivate = parameter 1 here).
 */
class ObjectValidationTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
    static final ObjectValidation V = new ObjectValidation(SUITE);
    static final SensitiveCreate NO_DATA = new SensitiveCreate(new byte[0], new byte[0]);
    static final SensitiveCreate DATA = new SensitiveCreate(new byte[0], new byte[] {1, 2, 3});
    static final Parent SRK = new Parent(rsa(STORAGE, 2048, AES128_CFB, Scheme.NULL));
    static final int UNFIXED_STORAGE = STORAGE & ~(FIXED_TPM | FIXED_PARENT);
    static final Parent UNFIXED_PARENT = new Parent(rsa(UNFIXED_STORAGE, 2048, AES128_CFB, Scheme.NULL));

    static int rc(ThrowingCallable c) {
        int[] rc = new int[1];
        assertThatThrownBy(c).isInstanceOfSatisfying(TpmException.class, e -> rc[0] = e.rc());
        return rc[0];
    }

    static int p(int n, int code) {
        return TpmRc.atParameter(code, n);
    }

    static int createRc(Parent parent, PublicArea t, SensitiveCreate s) {
        return rc(() -> V.create(parent, t, s, 2, 1));
    }

    static void createOk(Parent parent, PublicArea t, SensitiveCreate s) {
        assertThatCode(() -> V.create(parent, t, s, 2, 1)).doesNotThrowAnyException();
    }

    @Nested
    class CreateRules {
        @Test
        void sensitiveDataOriginClearNeedsData() {
            PublicArea sealed = keyedHash(0x12 | USER_WITH_AUTH, HashAlg.SHA256, Scheme.NULL);
            assertThat(createRc(SRK, sealed, NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            createOk(SRK, sealed, DATA);
        }

        @Test
        void sensitiveDataOriginSetForbidsDataUnderAParentButNotForAPrimary() {
            PublicArea srk = rsa(STORAGE, 2048, AES128_CFB, Scheme.NULL);
            assertThat(createRc(SRK, srk, DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            createOk(null, srk, DATA);
        }

        @Test
        void dataObjectCannotBeTpmGenerated() {
            PublicArea sealed = keyedHash(0x12 | SENSITIVE_DATA_ORIGIN, HashAlg.SHA256, Scheme.NULL);
            assertThat(createRc(null, sealed, NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
        }

        @Test
        void restrictedSymmetricWithCallerKeyMustBeDuplicable() {
            PublicArea fixed = symCipher(STORAGE & ~SENSITIVE_DATA_ORIGIN, HashAlg.SHA256, AES128_CFB);
            assertThat(createRc(SRK, fixed, new SensitiveCreate(new byte[0], new byte[16]))).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            PublicArea free = symCipher(RESTRICTED | DECRYPT | USER_WITH_AUTH, HashAlg.SHA256, AES128_CFB);
            createOk(UNFIXED_PARENT, free, new SensitiveCreate(new byte[0], new byte[16]));
        }

        @Test
        void asymmetricKeysAreAlwaysTpmGenerated() {
            PublicArea k = rsa(SIGNING & ~SENSITIVE_DATA_ORIGIN, 2048, SymDefObject.NULL, Scheme.NULL);
            assertThat(createRc(SRK, k, DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
        }

        @Test
        void userAuthIsTrimmedThenPaddedToTheDigestSize() throws Exception {
            PublicArea k = ecc(SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256));
            byte[] auth = Arrays.copyOf(new byte[] {9, 8, 7}, 40);
            assertThat(V.create(SRK, k, new SensitiveCreate(auth, new byte[0]), 2, 1)).hasSize(32).startsWith(9, 8, 7);
            byte[] tooLong = new byte[33];
            Arrays.fill(tooLong, (byte) 1);
            assertThat(createRc(SRK, k, new SensitiveCreate(tooLong, new byte[0]))).isEqualTo(p(1, TpmRc.SIZE));
        }
    }

    @Nested
    class AttributeRules {
        @Test
        void nameAlgNullIsHash() {
            PublicArea k = withNameAlg(rsa(SIGNING, 2048, SymDefObject.NULL, Scheme.NULL), TpmAlgId.NULL);
            assertThat(rc(() -> AttributeChecks.check(SRK, k))).isEqualTo(TpmRc.HASH);
        }

        @Test
        void authPolicyMustBeEmptyOrADigestOfNameAlg() {
            PublicArea k = withPolicy(rsa(SIGNING, 2048, SymDefObject.NULL, Scheme.NULL), new byte[20]);
            assertThat(createRc(SRK, k, NO_DATA)).isEqualTo(p(2, TpmRc.SIZE));
            createOk(SRK, withPolicy(k, new byte[32]), NO_DATA);
        }

        @Test
        void underAFixedTpmParentOrHierarchyFixedTpmEqualsFixedParent() {
            PublicArea k = rsa(SIGNING & ~FIXED_PARENT, 2048, SymDefObject.NULL, Scheme.NULL);
            assertThat(createRc(null, k, NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            assertThat(createRc(SRK, k, NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            createOk(SRK, rsa(SIGNING & ~(FIXED_PARENT | FIXED_TPM), 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA);
        }

        @Test
        void underANonFixedTpmParentNothingIsFixedTpm() {
            PublicArea k = rsa(SIGNING, 2048, SymDefObject.NULL, Scheme.NULL);
            assertThat(createRc(UNFIXED_PARENT, k, NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            createOk(UNFIXED_PARENT, rsa(SIGNING & ~FIXED_TPM, 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA);
        }

        @Test
        void restrictedKeysAreSignXorDecrypt() {
            assertThat(createRc(SRK, rsa(STORAGE | SIGN, 2048, AES128_CFB, Scheme.NULL), NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            assertThat(createRc(SRK, rsa(STORAGE & ~DECRYPT, 2048, AES128_CFB, Scheme.NULL), NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            assertThat(createRc(SRK, rsa(SIGNING & ~SIGN, 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            createOk(SRK, rsa(SIGNING | DECRYPT, 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA);
        }

        @Test
        void encryptedDuplicationRules() {
            assertThat(createRc(SRK, rsa(SIGNING | ENCRYPTED_DUPLICATION, 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA))
                    .isEqualTo(p(2, TpmRc.ATTRIBUTES));
            Parent encDupParent = new Parent(rsa(UNFIXED_STORAGE | ENCRYPTED_DUPLICATION, 2048, AES128_CFB, Scheme.NULL));
            PublicArea child = rsa(SIGNING & ~FIXED_TPM, 2048, SymDefObject.NULL, Scheme.NULL);
            assertThat(createRc(encDupParent, child, NO_DATA)).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            createOk(encDupParent, withAttributes(child, child.attributes() | ENCRYPTED_DUPLICATION), NO_DATA);
        }

        @Test
        void derivedObjectsFollowTheirDerivationParent() {
            Parent deriver = new Parent(keyedHash(STORAGE, HashAlg.SHA256, new Scheme.Xor(HashAlg.SHA256, TpmAlgId.KDF1_SP800_108)));
            PublicArea unfixed = rsa(SIGNING & ~(FIXED_TPM | FIXED_PARENT), 2048, SymDefObject.NULL, Scheme.NULL);
            assertThat(rc(() -> AttributeChecks.check(deriver, unfixed))).isEqualTo(TpmRc.ATTRIBUTES);
            assertThatCode(() -> AttributeChecks.check(deriver, rsa(SIGNING, 2048, SymDefObject.NULL, Scheme.NULL))).doesNotThrowAnyException();
        }
    }

    @Nested
    class SchemeRules {
        @Test
        void symCipherDecryptNeedsABlockMode() {
            PublicArea k = symCipher(0x00020072, HashAlg.SHA256, new SymDefObject(TpmAlgId.AES, 128, TpmAlgId.CMAC));
            assertThat(rc(() -> SchemeChecks.check(null, k))).isEqualTo(TpmRc.SCHEME);
            assertThatCode(() -> SchemeChecks.check(null, symCipher(0x00020072, HashAlg.SHA256, SymDefObject.aes(256, TpmAlgId.NULL))))
                    .doesNotThrowAnyException();
        }

        @Test
        void keyedHashSchemes() {
            int kh = FIXED_TPM | FIXED_PARENT | SENSITIVE_DATA_ORIGIN | USER_WITH_AUTH;
            Scheme hmac = new Scheme.Hmac(HashAlg.SHA256);
            Scheme xor = new Scheme.Xor(HashAlg.SHA256, TpmAlgId.KDF1_SP800_108);
            assertThat(createRc(SRK, keyedHash(kh | SIGN | DECRYPT, HashAlg.SHA256, hmac), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, keyedHash(kh | SIGN, HashAlg.SHA256, xor), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, keyedHash(kh | DECRYPT, HashAlg.SHA256, hmac), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, keyedHash(kh | DECRYPT | RESTRICTED, HashAlg.SHA256, new Scheme.Xor(HashAlg.SHA256, TpmAlgId.KDF2)), NO_DATA))
                    .isEqualTo(p(2, TpmRc.SCHEME));
            createOk(SRK, keyedHash(kh | SIGN, HashAlg.SHA256, hmac), NO_DATA);
            createOk(SRK, keyedHash(kh | SIGN | DECRYPT, HashAlg.SHA256, Scheme.NULL), NO_DATA);
            createOk(SRK, keyedHash(kh | DECRYPT | RESTRICTED, HashAlg.SHA256, xor), NO_DATA);
        }

        @Test
        void asymmetricSchemesFollowSignDecryptRestricted() {
            Scheme rsassa = new Scheme.RsaSsa(HashAlg.SHA256);
            Scheme oaep = new Scheme.Oaep(HashAlg.SHA256);
            int decryptKey = (SIGNING & ~SIGN) | DECRYPT;
            assertThat(createRc(SRK, rsa(SIGNING | DECRYPT, 2048, SymDefObject.NULL, rsassa), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, rsa(SIGNING, 2048, SymDefObject.NULL, oaep), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, rsa(SIGNING | RESTRICTED, 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, rsa(STORAGE, 2048, AES128_CFB, oaep), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, rsa(decryptKey, 2048, SymDefObject.NULL, rsassa), NO_DATA)).isEqualTo(p(2, TpmRc.SCHEME));
            assertThat(createRc(SRK, ecc(decryptKey, EccCurve.NIST_P384, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA384)), NO_DATA))
                    .isEqualTo(p(2, TpmRc.SCHEME));
            createOk(SRK, rsa(SIGNING, 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA);
            createOk(SRK, rsa(decryptKey, 2048, SymDefObject.NULL, oaep), NO_DATA);
            createOk(SRK, rsa(SIGNING | RESTRICTED, 2048, SymDefObject.NULL, new Scheme.RsaPss(HashAlg.SHA384)), NO_DATA);
            createOk(SRK, ecc(decryptKey, EccCurve.NIST_P521, SymDefObject.NULL, new Scheme.Ecdh(HashAlg.SHA512)), NO_DATA);
        }

        @Test
        void onlyParentsHaveASymmetricDefinitionAndParentsMustHaveOne() {
            assertThat(createRc(SRK, rsa(SIGNING, 2048, AES128_CFB, Scheme.NULL), NO_DATA)).isEqualTo(p(2, TpmRc.SYMMETRIC));
            assertThat(createRc(SRK, rsa(STORAGE, 2048, SymDefObject.NULL, Scheme.NULL), NO_DATA)).isEqualTo(p(2, TpmRc.SYMMETRIC));
            // A fixedParent symmetric parent must also match its parent's mode (AES-128-CFB here).
            assertThat(createRc(SRK, symCipher(STORAGE, HashAlg.SHA256, SymDefObject.aes(128, TpmAlgId.NULL)), NO_DATA))
                    .isEqualTo(p(2, TpmRc.SYMMETRIC));
            createOk(SRK, symCipher(STORAGE, HashAlg.SHA256, AES128_CFB), NO_DATA);
        }

        @Test
        void eccKdfMustBeNull() {
            PublicArea k = ecc(SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256));
            PublicArea withKdf = withParms(k, new PublicParms.Ecc(SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256),
                    EccCurve.NIST_P256, new KdfScheme(TpmAlgId.KDF1_SP800_56A, HashAlg.SHA256)));
            assertThat(createRc(SRK, withKdf, NO_DATA)).isEqualTo(p(2, TpmRc.KDF));
        }

        @Test
        void nonDuplicableParentsInheritNameAlgAndCipher() {
            PublicArea sha384Child = withNameAlg(rsa(STORAGE, 2048, AES128_CFB, Scheme.NULL), TpmAlgId.SHA384);
            assertThat(createRc(SRK, sha384Child, NO_DATA)).isEqualTo(p(2, TpmRc.HASH));
            PublicArea aes256Child = ecc(STORAGE, EccCurve.NIST_P256, SymDefObject.aes(256, TpmAlgId.CFB), Scheme.NULL);
            assertThat(createRc(SRK, aes256Child, NO_DATA)).isEqualTo(p(2, TpmRc.SYMMETRIC));
            createOk(SRK, ecc(STORAGE, EccCurve.NIST_P256, AES128_CFB, Scheme.NULL), NO_DATA);
            createOk(null, sha384Child, NO_DATA);
            createOk(UNFIXED_PARENT, withAttributes(aes256Child, UNFIXED_STORAGE), NO_DATA);
        }

        @Test
        void theTcgEkTemplatesPass() {
            createOk(null, rsa(EK, 2048, AES128_CFB, Scheme.NULL), NO_DATA);
            createOk(null, ecc(EK, EccCurve.NIST_P256, AES128_CFB, Scheme.NULL), NO_DATA);
        }
    }

    @Nested
    class LoadRules {
        static final byte[] D = BigInteger.valueOf(0x1234567).toByteArray();
        final PublicArea eccKey = ecc(SIGNING & ~(FIXED_TPM | FIXED_PARENT), EccCurve.NIST_P256, SymDefObject.NULL,
                new Scheme.Ecdsa(HashAlg.SHA256)).withUnique(new PublicId.Ecc(EccArithmetic.publicPoint(SUITE, EccCurve.NIST_P256, new BigInteger(1, D))));
        final SensitiveArea eccPrivate = new SensitiveArea(TpmAlgId.ECC, new byte[0], new byte[0], EccArithmetic.toFixed(new BigInteger(1, D), 32));

        @Test
        void seedLargerThanTheDigestIsKeySizeAtTheSensitive() {
            SensitiveArea s = new SensitiveArea(TpmAlgId.ECC, new byte[0], new byte[33], eccPrivate.sensitive());
            assertThat(rc(() -> V.load(SRK, eccKey, s, 2, 1))).isEqualTo(p(1, TpmRc.KEY_SIZE));
        }

        @Test
        void attributeErrorsAreAtThePublicArea() {
            PublicArea bad = withAttributes(eccKey, eccKey.attributes() | FIXED_PARENT);
            assertThat(rc(() -> V.load(SRK, bad, eccPrivate, 2, 1))).isEqualTo(p(2, TpmRc.ATTRIBUTES));
        }

        @Test
        void keysUnderAFixedTpmParentAreTrustedButOthersAreChecked() {
            SensitiveArea wrong = new SensitiveArea(TpmAlgId.ECC, new byte[0], new byte[0], EccArithmetic.toFixed(BigInteger.TWO, 32));
            assertThatCode(() -> V.load(SRK, eccKey, wrong, 2, 1)).doesNotThrowAnyException();
            PublicArea child = withAttributes(eccKey, eccKey.attributes() & ~FIXED_TPM);
            assertThat(rc(() -> V.load(UNFIXED_PARENT, child, wrong, 2, 1))).isEqualTo(TpmRc.BINDING);
            assertThatCode(() -> V.load(UNFIXED_PARENT, child, eccPrivate, 2, 1)).doesNotThrowAnyException();
        }

        @Test
        void externalWithSensitiveMustNotLookTpmMade() {
            PublicArea restricted = withAttributes(eccKey, eccKey.attributes() | RESTRICTED);
            assertThat(rc(() -> V.loadExternal(restricted, eccPrivate, 2, 1))).isEqualTo(p(2, TpmRc.ATTRIBUTES));
            assertThatCode(() -> V.loadExternal(rsa(SIGNING, 2048, SymDefObject.NULL, Scheme.NULL)
                    .withUnique(new PublicId.Rsa(modulus(256))), null, 2, 1)).doesNotThrowAnyException();
        }

        @Test
        void eccPublicOnly() {
            PublicArea shortX = eccKey.withUnique(new PublicId.Ecc(new EccPoint(new byte[31], new byte[32])));
            assertThat(rc(() -> V.loadExternal(shortX, null, 2, 1))).isEqualTo(p(2, TpmRc.KEY));
            PublicArea offCurve = eccKey.withUnique(new PublicId.Ecc(new EccPoint(new byte[32], new byte[32])));
            assertThat(rc(() -> V.loadExternal(offCurve, null, 2, 1))).isEqualTo(p(2, TpmRc.ECC_POINT));
            assertThatCode(() -> V.loadExternal(withNameAlg(offCurve, TpmAlgId.NULL), null, 2, 1)).doesNotThrowAnyException();
            assertThatCode(() -> V.loadExternal(eccKey, null, 2, 1)).doesNotThrowAnyException();
        }

        @Test
        void eccPrivateRangeAndBindingCarryNoPosition() {
            SensitiveArea zero = new SensitiveArea(TpmAlgId.ECC, new byte[0], new byte[0], new byte[32]);
            assertThat(rc(() -> V.loadExternal(eccKey, zero, 2, 1))).isEqualTo(TpmRc.KEY_SIZE);
            SensitiveArea order = new SensitiveArea(TpmAlgId.ECC, new byte[0], new byte[0],
                    EccArithmetic.toFixed(EccArithmetic.order(EccCurve.NIST_P256), 32));
            assertThat(rc(() -> V.loadExternal(eccKey, order, 2, 1))).isEqualTo(TpmRc.KEY_SIZE);
            assertThatCode(() -> V.loadExternal(eccKey, eccPrivate, 2, 1)).doesNotThrowAnyException();
            SensitiveArea unpadded = new SensitiveArea(TpmAlgId.ECC, new byte[0], new byte[0], D);
            assertThatCode(() -> V.loadExternal(eccKey, unpadded, 2, 1)).doesNotThrowAnyException();
        }

        @Test
        void sensitiveTypeAndAuthSize() {
            SensitiveArea rsaType = new SensitiveArea(TpmAlgId.RSA, new byte[0], new byte[0], new byte[128]);
            assertThat(rc(() -> V.loadExternal(eccKey, rsaType, 2, 1))).isEqualTo(p(1, TpmRc.TYPE));
            SensitiveArea longAuth = eccPrivate.withAuthValue(new byte[33]);
            assertThat(rc(() -> V.loadExternal(eccKey, longAuth, 2, 1))).isEqualTo(p(1, TpmRc.SIZE));
        }

        @Test
        void rsaSizes() {
            PublicArea k = rsa(SIGNING & ~(FIXED_TPM | FIXED_PARENT), 2048, SymDefObject.NULL, Scheme.NULL);
            assertThat(rc(() -> V.loadExternal(k.withUnique(new PublicId.Rsa(modulus(255))), null, 2, 1))).isEqualTo(p(2, TpmRc.KEY));
            byte[] low = modulus(256);
            low[0] = 0x7F;
            assertThat(rc(() -> V.loadExternal(k.withUnique(new PublicId.Rsa(low)), null, 2, 1))).isEqualTo(p(2, TpmRc.KEY));
            PublicArea e3 = withParms(k, new PublicParms.Rsa(SymDefObject.NULL, Scheme.NULL, 2048, 3)).withUnique(new PublicId.Rsa(modulus(256)));
            assertThat(rc(() -> V.loadExternal(e3, null, 2, 1))).isEqualTo(p(2, TpmRc.VALUE));
            PublicArea good = k.withUnique(new PublicId.Rsa(modulus(256)));
            SensitiveArea shortPrime = new SensitiveArea(TpmAlgId.RSA, new byte[0], new byte[0], modulus(127));
            assertThat(rc(() -> V.loadExternal(good, shortPrime, 2, 1))).isEqualTo(p(1, TpmRc.KEY_SIZE));
            assertThatCode(() -> V.loadExternal(good, new SensitiveArea(TpmAlgId.RSA, new byte[0], new byte[0], modulus(128)), 2, 1))
                    .doesNotThrowAnyException();
        }

        @Test
        void symmetricSizesAndBinding() {
            int attrs = USER_WITH_AUTH | DECRYPT | SIGN;
            PublicArea aes = symCipher(USER_WITH_AUTH | DECRYPT, HashAlg.SHA256, AES128_CFB);
            SensitiveArea key = new SensitiveArea(TpmAlgId.SYMCIPHER, new byte[0], new byte[32], new byte[16]);
            PublicArea bound = aes.withUnique(new PublicId.Digest(SymmetricUnique.compute(SUITE, aes, key)));
            assertThatCode(() -> V.loadExternal(bound, key, 2, 1)).doesNotThrowAnyException();
            SensitiveArea aes256 = new SensitiveArea(TpmAlgId.SYMCIPHER, new byte[0], new byte[32], new byte[32]);
            assertThat(rc(() -> V.loadExternal(bound, aes256, 2, 1))).isEqualTo(p(1, TpmRc.KEY_SIZE));
            SensitiveArea shortSeed = new SensitiveArea(TpmAlgId.SYMCIPHER, new byte[0], new byte[31], new byte[16]);
            assertThat(rc(() -> V.loadExternal(bound, shortSeed, 2, 1))).isEqualTo(p(1, TpmRc.KEY_SIZE));
            SensitiveArea otherKey = new SensitiveArea(TpmAlgId.SYMCIPHER, new byte[0], new byte[32], modulus(16));
            assertThat(rc(() -> V.loadExternal(bound, otherKey, 2, 1))).isEqualTo(TpmRc.BINDING);
            assertThat(rc(() -> V.loadExternal(aes, null, 2, 1))).isEqualTo(p(2, TpmRc.KEY));
            PublicArea hmac = keyedHash(attrs & ~DECRYPT, HashAlg.SHA256, new Scheme.Hmac(HashAlg.SHA256));
            SensitiveArea longKey = new SensitiveArea(TpmAlgId.KEYEDHASH, new byte[0], new byte[32], new byte[65]);
            assertThat(rc(() -> V.loadExternal(hmac, longKey, 2, 1))).isEqualTo(p(1, TpmRc.KEY_SIZE));
            PublicArea data = keyedHash(USER_WITH_AUTH, HashAlg.SHA256, Scheme.NULL);
            SensitiveArea blob = new SensitiveArea(TpmAlgId.KEYEDHASH, new byte[0], new byte[32], new byte[128]);
            assertThatCode(() -> V.loadExternal(data.withUnique(new PublicId.Digest(SymmetricUnique.compute(SUITE, data, blob))), blob, 2, 1))
                    .doesNotThrowAnyException();
        }

        @Test
        void importValidatesOnlyUnderAFixedTpmParentAndChecksParentSeeds() {
            PublicArea storage = rsa(UNFIXED_STORAGE, 2048, AES128_CFB, Scheme.NULL).withUnique(new PublicId.Rsa(modulus(256)));
            SensitiveArea shortSeed = new SensitiveArea(TpmAlgId.RSA, new byte[0], new byte[15], modulus(128));
            assertThat(rc(() -> V.importObject(SRK, storage, shortSeed, 2, 3))).isEqualTo(p(3, TpmRc.SIZE));
            assertThatCode(() -> V.importObject(UNFIXED_PARENT, storage, shortSeed, 2, 3)).doesNotThrowAnyException();
            SensitiveArea seed16 = new SensitiveArea(TpmAlgId.RSA, new byte[0], new byte[16], modulus(128));
            assertThatCode(() -> V.importObject(SRK, storage, seed16, 2, 3)).doesNotThrowAnyException();
        }

        static byte[] modulus(int len) {
            byte[] n = new byte[len];
            Arrays.fill(n, (byte) 0xC3);
            return n;
        }
    }
}
