package dev.jvtpm.engine.object.derivation;

import static dev.jvtpm.engine.testing.Templates.AES128_CFB;
import static dev.jvtpm.engine.testing.Templates.SIGNING;
import static dev.jvtpm.engine.testing.Templates.STORAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.CtrDrbg;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.object.validation.KeyChecks;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.math.BigInteger;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Part 3 §12.1 TPM2_Create's object generation (libtpms CryptCreateObject) from the TPM's DRBG:
 * response codes for bad inputs, and by property that every generated key is the one its public
 * area commits to and is fresh.
 */
class ObjectFactoryTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
    static final ObjectFactory FACTORY = new ObjectFactory(SUITE);
    static final RsaKeySource RSA = new ReferenceRsaKeyGenerator();
    static final SensitiveCreate AUTH = new SensitiveCreate(new byte[32], new byte[0]);

    /** The TPM's own DRBG, seeded from real entropy: what TPM2_Create draws from. */
    static RandomSource tpmDrbg() {
        return new CtrDrbg(SUITE.ciphers(), SUITE.entropy(), null)::generate;
    }

    static CreatedObject create(PublicArea t, SensitiveCreate s) throws TpmException {
        return FACTORY.create(t, s, tpmDrbg(), RSA, List.of());
    }

    static int rc(ThrowingCallable c) {
        int[] rc = new int[1];
        assertThatThrownBy(c).isInstanceOfSatisfying(TpmException.class, e -> rc[0] = e.rc());
        return rc[0];
    }

    static PublicArea rsaWithExponent(int e) {
        PublicArea t = Templates.rsa(SIGNING, 1024, SymDefObject.NULL, Scheme.NULL);
        return Templates.withParms(t, new PublicParms.Rsa(SymDefObject.NULL, Scheme.NULL, 1024, e));
    }

    @Test
    void rsaExponentMustBeAtLeast65537AndPrime() throws Exception {
        assertThat(rc(() -> create(rsaWithExponent(3), AUTH))).isEqualTo(TpmRc.RANGE);
        assertThat(rc(() -> create(rsaWithExponent(65536), AUTH))).isEqualTo(TpmRc.RANGE);
        assertThat(rc(() -> create(rsaWithExponent(65541), AUTH))).isEqualTo(TpmRc.RANGE);
        CreatedObject o = create(rsaWithExponent(65539), AUTH);
        assertThat(((PublicParms.Rsa) o.publicArea().parameters()).exponent()).isEqualTo(65539);
    }

    @Test
    void callerSuppliedSecretsAreSizeChecked() throws Exception {
        PublicArea aes = Templates.symCipher(0x00020052, HashAlg.SHA256, AES128_CFB);
        assertThat(rc(() -> create(aes, new SensitiveCreate(new byte[0], new byte[15])))).isEqualTo(TpmRc.KEY_SIZE);
        assertThat(create(aes, new SensitiveCreate(new byte[0], new byte[16])).sensitive().sensitive()).hasSize(16);
        PublicArea hmac = Templates.keyedHash(0x00040052, HashAlg.SHA256, new Scheme.Hmac(HashAlg.SHA256));
        assertThat(rc(() -> create(hmac, new SensitiveCreate(new byte[0], new byte[65])))).isEqualTo(TpmRc.SIZE);
        assertThat(create(hmac, new SensitiveCreate(new byte[0], new byte[64])).sensitive().sensitive()).hasSize(64);
        PublicArea sealed = Templates.keyedHash(0x00000052, HashAlg.SHA1, Scheme.NULL);
        byte[] data = new byte[128];
        data[7] = 7;
        assertThat(create(sealed, new SensitiveCreate(new byte[0], data)).sensitive().sensitive()).isEqualTo(data);
    }

    @Test
    void everyGeneratedKeyIsBoundToItsPublicArea() throws Exception {
        List<PublicArea> templates = List.of(
                Templates.rsa(SIGNING, 2048, SymDefObject.NULL, new Scheme.RsaPss(HashAlg.SHA256)),
                Templates.rsa(STORAGE, 1024, AES128_CFB, Scheme.NULL),
                Templates.ecc(SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256)),
                Templates.ecc(STORAGE, EccCurve.NIST_P384, AES128_CFB, Scheme.NULL),
                Templates.ecc(SIGNING, EccCurve.NIST_P521, SymDefObject.NULL, Scheme.NULL),
                Templates.keyedHash(SIGNING, HashAlg.SHA384, new Scheme.Hmac(HashAlg.SHA512)),
                Templates.keyedHash(STORAGE, HashAlg.SHA256, new Scheme.Xor(HashAlg.SHA256, TpmAlgId.KDF1_SP800_108)),
                Templates.symCipher(0x00060072, HashAlg.SHA512, SymDefObject.aes(192, TpmAlgId.CTR)),
                Templates.symCipher(STORAGE, HashAlg.SHA256, SymDefObject.aes(256, TpmAlgId.CFB)));
        KeyChecks keys = new KeyChecks(SUITE);
        for (PublicArea t : templates) {
            CreatedObject a = create(t, AUTH);
            CreatedObject b = create(t, AUTH);
            keys.check(a.publicArea(), a.sensitive(), 2, 1);
            assertThat(a.sensitive().sensitive()).as("fresh key for %s", t).isNotEqualTo(b.sensitive().sensitive());
            assertThat(a.name()).isNotEqualTo(b.name());
            assertThat(a.publicArea().withUnique(PublicId.empty(t.type()))).isEqualTo(t);
            if (a.publicArea().type() == TpmAlgId.RSA) {
                BigInteger n = new BigInteger(1, ((PublicId.Rsa) a.publicArea().unique()).modulus());
                BigInteger p = new BigInteger(1, a.sensitive().sensitive());
                assertThat(n.mod(p)).isZero();
                assertThat(p.isProbablePrime(64) && n.divide(p).isProbablePrime(64)).isTrue();
            }
        }
    }

    @Test
    void keyedHashKeysTakeTheLimitingHashSize() throws Exception {
        assertThat(create(Templates.keyedHash(SIGNING, HashAlg.SHA256, new Scheme.Hmac(HashAlg.SHA512)), AUTH)
                .sensitive().sensitive()).hasSize(64);
        assertThat(create(Templates.keyedHash(SIGNING | 0x20000, HashAlg.SHA384, Scheme.NULL), AUTH)
                .sensitive().sensitive()).hasSize(48);
    }
}
