package dev.jvtpm.engine.command.capability;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.Set;

/**
 * TPMT_PUBLIC_PARMS (Part 2 §12.2.3.7) as TPM2_TestParms checks it: only the object types and
 * algorithms this TPM implements (KEYEDHASH and SYMCIPHER today). Unmarshalling validates every selector the way the
 * reference's generated code does, restricted to the algorithms this TPM implements (those
 * TPM_CAP_ALGS lists), so TPM2_TestParms and TPM_CAP_ALGS never disagree: an algorithm this TPM
 * lacks gets exactly the code libtpms gives when that algorithm is compiled out. Codes carry no
 * position; the caller's reader adds the parameter number.
 */
sealed interface SupportedParms {
    /** TPMS_KEYEDHASH_PARMS: scheme HMAC (with its hash) or NULL. */
    record KeyedHash(int scheme, HashAlg schemeHash) implements SupportedParms {}

    /** TPMS_SYMCIPHER_PARMS: a TPMT_SYM_DEF_OBJECT that may not be TPM_ALG_NULL. */
    record SymCipher(SymDefObject sym) implements SupportedParms {}

    /** TPMT_SYM_DEF_OBJECT: algorithm, key bits and mode (mode TPM_ALG_NULL allowed). */
    record SymDefObject(int algorithm, int keyBits, int mode) {}

    /** Object types that have parameters (TPMI_ALG_PUBLIC candidates). */
    Set<Integer> PUBLIC_TYPES = Set.of(TpmAlgId.RSA, TpmAlgId.KEYEDHASH, TpmAlgId.ECC, TpmAlgId.SYMCIPHER);
    /** TPMI_ALG_KEYEDHASH_SCHEME candidates. */
    Set<Integer> KEYEDHASH_SCHEMES = Set.of(TpmAlgId.HMAC, TpmAlgId.XOR);
    /** TPMI_ALG_SYM_OBJECT candidates. */
    Set<Integer> SYM_OBJECTS = Set.of(TpmAlgId.AES, TpmAlgId.SM4, TpmAlgId.CAMELLIA, TpmAlgId.TDES);
    /** TPMI_ALG_SYM_MODE candidates. */
    Set<Integer> SYM_MODES = Set.of(TpmAlgId.CTR, TpmAlgId.OFB, TpmAlgId.CBC, TpmAlgId.CFB, TpmAlgId.ECB,
            TpmAlgId.CMAC);

    /**
     * TPMT_PUBLIC_PARMS_Unmarshal: TPM_RC_TYPE for an object type not implemented, TPM_RC_VALUE
     * for a keyed-hash scheme not implemented, TPM_RC_HASH for a bad scheme hash,
     * TPM_RC_SYMMETRIC for a symmetric algorithm not implemented (or NULL), TPM_RC_VALUE for an
     * unsupported key size, TPM_RC_MODE for a mode not implemented.
     */
    static SupportedParms read(TpmReader r) throws TpmException {
        int type = r.u16();
        if (!PUBLIC_TYPES.contains(type) || !Algorithms.isImplemented(type)) {
            throw r.fail(TpmRc.TYPE);
        }
        switch (type) {
            case TpmAlgId.KEYEDHASH:
                return readKeyedHash(r);
            case TpmAlgId.SYMCIPHER:
                return new SymCipher(readSymDefObject(r, false));
            default:
                throw r.fail(TpmRc.SELECTOR);
        }
    }

    private static KeyedHash readKeyedHash(TpmReader r) throws TpmException {
        int scheme = r.u16();
        boolean known = scheme == TpmAlgId.NULL
                || (KEYEDHASH_SCHEMES.contains(scheme) && Algorithms.isImplemented(scheme));
        if (!known) {
            throw r.fail(TpmRc.VALUE);
        }
        if (scheme == TpmAlgId.HMAC) {
            return new KeyedHash(scheme, HashAlg.read(r, false));
        }
        if (scheme == TpmAlgId.XOR) {
            // TPMS_SCHEME_XOR: a hash (not NULL) and a KDF (NULL allowed).
            HashAlg hash = HashAlg.read(r, false);
            dev.jvtpm.engine.types.object.AlgSelectors.kdf(r, true);
            return new KeyedHash(scheme, hash);
        }
        return new KeyedHash(scheme, null);
    }

    /** TPMT_SYM_DEF_OBJECT_Unmarshal with the given NULL permission. */
    static SymDefObject readSymDefObject(TpmReader r, boolean allowNull) throws TpmException {
        int alg = r.u16();
        if (alg == TpmAlgId.NULL) {
            if (!allowNull) {
                throw r.fail(TpmRc.SYMMETRIC);
            }
            return new SymDefObject(alg, 0, TpmAlgId.NULL);
        }
        if (!SYM_OBJECTS.contains(alg) || !Algorithms.isImplemented(alg)) {
            throw r.fail(TpmRc.SYMMETRIC);
        }
        int keyBits = r.u16();
        if (!Algorithms.symmetricKeySizes(alg).contains(keyBits)) {
            throw r.fail(TpmRc.VALUE);
        }
        int mode = r.u16();
        if (mode != TpmAlgId.NULL && (!SYM_MODES.contains(mode) || !Algorithms.isImplemented(mode))) {
            throw r.fail(TpmRc.MODE);
        }
        return new SymDefObject(alg, keyBits, mode);
    }
}
