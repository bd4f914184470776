package dev.jvtpm.engine.object.derivation;

import static dev.jvtpm.engine.types.object.ObjectAttributes.DECRYPT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.RESTRICTED;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SENSITIVE_DATA_ORIGIN;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SIGN;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.math.BigInteger;
import java.util.List;

/**
 * Creates an object's key material from a template (Part 1 §27 "Object Creation"; libtpms
 * CryptUtil.c CryptCreateObject), drawing everything from one {@link RandomSource} in the
 * reference's order: the key (RSA primes, ECC scalar, symmetric key or HMAC key), then — after
 * the optional stirring an Endorsement primary gets — the seedValue, then the public unique.
 * The same code serves TPM2_Create (the TPM's DRBG) and TPM2_CreatePrimary (a seeded DRBG).
 *
 * <p>Codes, bare (as TPM2_Create and TPM2_CreatePrimary return them): TPM_RC_RANGE for an RSA
 * exponent below 65537 or not prime, TPM_RC_KEY_SIZE for a caller symmetric key of the wrong size,
 * TPM_RC_SIZE for a caller HMAC/XOR key longer than the hash's block, TPM_RC_NO_RESULT when no RSA
 * key could be formed.
 */
public final class ObjectFactory {
    /** RSA_DEFAULT_PUBLIC_EXPONENT. */
    public static final long DEFAULT_EXPONENT = 65537;

    private final CryptoSuite suite;

    public ObjectFactory(CryptoSuite suite) {
        this.suite = suite;
    }

    /**
     * TPM2_Create: a fresh object from the TPM's DRBG ({@code tpmDrbg}) and {@code rsaKeys}
     * (the reference generator on the same DRBG today; a provider-backed generator or a
     * background pool can be passed instead, since only the randomness of these keys matters).
     */
    public CreatedObject createOrdinary(PublicArea template, SensitiveCreate sensitive, RandomSource tpmDrbg, RsaKeySource rsaKeys)
            throws TpmException {
        return create(template, sensitive, tpmDrbg, rsaKeys, List.of());
    }

    /**
     * @param template      a validated template (ObjectValidation.create)
     * @param sensitive     the caller's sensitive data, userAuth already adjusted to the nameAlg
     * @param rng           the source of every random byte
     * @param rsaKeys       where RSA keys come from (the reference generator for primaries)
     * @param stirBeforeSeed data mixed into a seeded DRBG before the seedValue is drawn (an
     *                      Endorsement primary's proofs); empty otherwise
     */
    public CreatedObject create(PublicArea template, SensitiveCreate sensitive, RandomSource rng, RsaKeySource rsaKeys,
                                List<byte[]> stirBeforeSeed) throws TpmException {
        byte[] data = template.has(SENSITIVE_DATA_ORIGIN) ? new byte[0] : sensitive.data();
        PublicId unique;
        byte[] secret;
        switch (template.type()) {
            case TpmAlgId.RSA: {
                PublicParms.Rsa parms = (PublicParms.Rsa) template.parameters();
                RsaKeyPair key = rsaKeys.generate(parms.keyBits(), exponent(parms), rng, template.has(SIGN));
                int keyBytes = parms.keyBits() / 8;
                unique = new PublicId.Rsa(EccArithmetic.toFixed(key.modulus(), keyBytes));
                secret = EccArithmetic.toFixed(key.p(), keyBytes / 2);
                break;
            }
            case TpmAlgId.ECC: {
                // CryptEccGenerateKey: ECDSA is what the reference checks each new key with.
                suite.beforeUse(TpmAlgId.ECDSA);
                PublicParms.Ecc parms = (PublicParms.Ecc) template.parameters();
                BigInteger d = EccKeyGenerator.privateScalar(parms.curve(), rng);
                unique = new PublicId.Ecc(EccArithmetic.publicPoint(suite, parms.curve(), d));
                secret = EccArithmetic.toFixed(d, parms.curve().keyBytes());
                break;
            }
            case TpmAlgId.SYMCIPHER:
                unique = null;
                secret = symmetricKey((PublicParms.SymCipher) template.parameters(), data, rng);
                break;
            default:
                unique = null;
                secret = keyedHashKey(template, data, rng);
                break;
        }
        if (rng instanceof SeededDrbg seeded) {
            for (byte[] d : stirBeforeSeed) {
                seeded.stir(d);
            }
        }
        byte[] seedValue = rng.bytes(template.nameHash().digestSize());
        SensitiveArea s = new SensitiveArea(template.type(), sensitive.userAuth(), seedValue, secret);
        PublicArea out;
        if (unique == null) {
            out = template.withUnique(new PublicId.Digest(SymmetricUnique.compute(suite, template, s)));
        } else {
            out = template.withUnique(unique);
            // An asymmetric key that is not a parent has no use for a seed.
            if (template.has(SIGN) || !template.has(RESTRICTED)) {
                s = new SensitiveArea(s.type(), s.authValue(), new byte[0], s.sensitive());
            }
        }
        return new CreatedObject(out, s, ObjectName.of(suite, out));
    }

    /** The exponent to use: 0 means 65537; otherwise ≥ 65537 and prime by IsPrimeInt (TPM_RC_RANGE). */
    static long exponent(PublicParms.Rsa parms) throws TpmException {
        long e = Integer.toUnsignedLong(parms.exponent());
        if (e == 0) {
            e = DEFAULT_EXPONENT;
        }
        if (e < DEFAULT_EXPONENT || (e != DEFAULT_EXPONENT && !SmallPrimes.isPrimeInt(e))) {
            throw new TpmException(TpmRc.RANGE);
        }
        return e;
    }

    /** CryptGenerateKeySymmetric: the caller's key must have the key size (TPM_RC_KEY_SIZE). */
    private static byte[] symmetricKey(PublicParms.SymCipher parms, byte[] data, RandomSource rng) throws TpmException {
        int bits = parms.sym().keyBits();
        if (bits % 64 != 0) {
            throw new TpmException(TpmRc.KEY_SIZE);
        }
        if (data.length != 0) {
            if (data.length != bits / 8) {
                throw new TpmException(TpmRc.KEY_SIZE);
            }
            return data.clone();
        }
        return rng.bytes(bits / 8);
    }

    /**
     * CryptGenerateKeyedHash: a generated key is one digest of the limiting hash (the scheme's, or
     * nameAlg's for a data object); a caller's HMAC/XOR key may not exceed that hash's block
     * (TPM_RC_SIZE); sealed data is taken as given.
     */
    private static byte[] keyedHashKey(PublicArea template, byte[] data, RandomSource rng) throws TpmException {
        Scheme scheme = ((PublicParms.KeyedHash) template.parameters()).scheme();
        HashAlg hash = scheme.isNull() ? template.nameHash() : scheme.hash();
        if (data.length != 0) {
            if ((template.has(DECRYPT) || template.has(SIGN)) && data.length > hash.blockSize()) {
                throw new TpmException(TpmRc.SIZE);
            }
            return data.clone();
        }
        return rng.bytes(hash.digestSize());
    }
}
