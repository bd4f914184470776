package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;

/**
 * The TPMI_ALG_* interface types used by object structures (Part 2 §9): each reads a TPM_ALG_ID
 * and accepts only the values this TPM implements for that context, plus TPM_ALG_NULL where the
 * structure's "+" flag allows it.
 *
 * <p>The code on rejection is libtpms 0.9.2's for the same type, which is not uniform:
 * hashes answer TPM_RC_HASH, symmetric algorithms TPM_RC_SYMMETRIC, modes TPM_RC_MODE, KDFs
 * TPM_RC_KDF, signature/ECC/key-exchange schemes TPM_RC_SCHEME, but keyed-hash, RSA and RSA
 * decrypt schemes TPM_RC_VALUE. Algorithms libtpms implements and this TPM does not (SM3, SM4,
 * Camellia, TDES, CMAC, ECDAA, ECSchnorr, SM2, ECMQV) are rejected as a TPM compiled without them
 * rejects them.
 */
public final class AlgSelectors {
    private AlgSelectors() {}

    /** TPMI_ALG_HASH: SHA-1/256/384/512 (TPM_RC_HASH). Returns the id (TPM_ALG_NULL possible if allowed). */
    public static int hash(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        if (HashAlg.fromId(alg) != null || (allowNull && alg == TpmAlgId.NULL)) {
            return alg;
        }
        throw r.fail(TpmRc.HASH);
    }

    /** TPMI_ALG_HASH without NULL, as the hash it names. */
    public static HashAlg hashAlg(TpmReader r) throws TpmException {
        return HashAlg.fromId(hash(r, false));
    }

    /** TPMI_ALG_SYM_OBJECT: AES (TPM_RC_SYMMETRIC). */
    public static int symObject(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        if (alg == TpmAlgId.AES || (allowNull && alg == TpmAlgId.NULL)) {
            return alg;
        }
        throw r.fail(TpmRc.SYMMETRIC);
    }

    /** TPMI_ALG_SYM_MODE: CTR, OFB, CBC, CFB, ECB (TPM_RC_MODE); libtpms also takes CMAC. */
    public static int symMode(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        switch (alg) {
            case TpmAlgId.CTR: case TpmAlgId.OFB: case TpmAlgId.CBC: case TpmAlgId.CFB: case TpmAlgId.ECB:
                return alg;
            default:
                if (allowNull && alg == TpmAlgId.NULL) {
                    return alg;
                }
                throw r.fail(TpmRc.MODE);
        }
    }

    /** TPMI_AES_KEY_BITS: 128 and 256 (TPM_RC_VALUE); AES-192 is off in libtpms 0.9 too. */
    public static int aesKeyBits(TpmReader r) throws TpmException {
        int bits = r.u16();
        if (bits == 128 || bits == 256) {
            return bits;
        }
        throw r.fail(TpmRc.VALUE);
    }

    /**
     * TPMI_ALG_KDF: MGF1, KDF1_SP800_56A, KDF1_SP800_108 (TPM_RC_KDF). libtpms also has KDF2, which
     * this TPM does not implement (nor list in TPM_CAP_ALGS).
     */
    public static int kdf(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        switch (alg) {
            case TpmAlgId.MGF1: case TpmAlgId.KDF1_SP800_56A: case TpmAlgId.KDF1_SP800_108:
                return alg;
            default:
                if (allowNull && alg == TpmAlgId.NULL) {
                    return alg;
                }
                throw r.fail(TpmRc.KDF);
        }
    }

    /** TPMI_ALG_SIG_SCHEME: HMAC, RSASSA, RSAPSS, ECDSA (TPM_RC_SCHEME). */
    public static int sigScheme(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        switch (alg) {
            case TpmAlgId.HMAC: case TpmAlgId.RSASSA: case TpmAlgId.RSAPSS: case TpmAlgId.ECDSA:
                return alg;
            default:
                if (allowNull && alg == TpmAlgId.NULL) {
                    return alg;
                }
                throw r.fail(TpmRc.SCHEME);
        }
    }

    /** TPMI_ALG_KEYEDHASH_SCHEME: HMAC, XOR (TPM_RC_VALUE). */
    public static int keyedHashScheme(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        if (alg == TpmAlgId.HMAC || alg == TpmAlgId.XOR || (allowNull && alg == TpmAlgId.NULL)) {
            return alg;
        }
        throw r.fail(TpmRc.VALUE);
    }

    /** TPMI_ALG_RSA_SCHEME: RSASSA, RSAPSS, RSAES, OAEP (TPM_RC_VALUE). */
    public static int rsaScheme(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        switch (alg) {
            case TpmAlgId.RSASSA: case TpmAlgId.RSAPSS: case TpmAlgId.RSAES: case TpmAlgId.OAEP:
                return alg;
            default:
                if (allowNull && alg == TpmAlgId.NULL) {
                    return alg;
                }
                throw r.fail(TpmRc.VALUE);
        }
    }

    /** TPMI_ALG_RSA_DECRYPT: RSAES, OAEP (TPM_RC_VALUE). */
    public static int rsaDecrypt(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        if (alg == TpmAlgId.RSAES || alg == TpmAlgId.OAEP || (allowNull && alg == TpmAlgId.NULL)) {
            return alg;
        }
        throw r.fail(TpmRc.VALUE);
    }

    /** TPMI_ALG_ECC_SCHEME: ECDSA, ECDH (TPM_RC_SCHEME). */
    public static int eccScheme(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        if (alg == TpmAlgId.ECDSA || alg == TpmAlgId.ECDH || (allowNull && alg == TpmAlgId.NULL)) {
            return alg;
        }
        throw r.fail(TpmRc.SCHEME);
    }

    /** TPMI_ECC_KEY_EXCHANGE: ECDH (TPM_RC_SCHEME). */
    public static int eccKeyExchange(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        if (alg == TpmAlgId.ECDH || (allowNull && alg == TpmAlgId.NULL)) {
            return alg;
        }
        throw r.fail(TpmRc.SCHEME);
    }

    /** TPMI_ECC_CURVE: NIST P-256, P-384, P-521 (TPM_RC_CURVE, also for TPM_ECC_NONE). */
    public static EccCurve eccCurve(TpmReader r) throws TpmException {
        EccCurve c = EccCurve.fromId(r.u16());
        if (c == null) {
            throw r.fail(TpmRc.CURVE);
        }
        return c;
    }

    /** TPMI_RSA_KEY_BITS: 1024, 2048, 3072 (TPM_RC_VALUE). */
    public static int rsaKeyBits(TpmReader r) throws TpmException {
        int bits = r.u16();
        if (bits == 1024 || bits == 2048 || bits == 3072) {
            return bits;
        }
        throw r.fail(TpmRc.VALUE);
    }

    /** TPMI_ALG_PUBLIC: RSA, KEYEDHASH, ECC, SYMCIPHER (TPM_RC_TYPE). */
    public static int publicType(TpmReader r) throws TpmException {
        int alg = r.u16();
        switch (alg) {
            case TpmAlgId.RSA: case TpmAlgId.KEYEDHASH: case TpmAlgId.ECC: case TpmAlgId.SYMCIPHER:
                return alg;
            default:
                throw r.fail(TpmRc.TYPE);
        }
    }
}
