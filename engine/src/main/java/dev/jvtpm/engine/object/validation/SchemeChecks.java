package dev.jvtpm.engine.object.validation;

import static dev.jvtpm.engine.types.object.ObjectAttributes.DECRYPT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.FIXED_PARENT;
import static dev.jvtpm.engine.types.object.ObjectAttributes.RESTRICTED;
import static dev.jvtpm.engine.types.object.ObjectAttributes.SIGN;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * Consistency of an object's schemes with its type and attributes (Part 1 §27.2 "Object
 * Attributes", Part 2 §12.2.3; libtpms Object_spt.c SchemeChecks). Codes are bare; every caller
 * places them at the public area's parameter.
 */
public final class SchemeChecks {
    private SchemeChecks() {}

    /**
     * <ul>
     * <li>SYMCIPHER with decrypt: the mode must be a block-cipher mode or NULL (TPM_RC_SCHEME).</li>
     * <li>KEYEDHASH: sign == decrypt needs a NULL scheme; sign needs HMAC; decrypt needs XOR, and a
     *     restricted (derivation) one KDF1_SP800_108 (all TPM_RC_SCHEME).</li>
     * <li>RSA/ECC: sign == decrypt needs a NULL scheme; sign needs a signing scheme, or NULL when not
     *     restricted; a restricted decrypt key (a parent) needs NULL; an unrestricted decrypt key a
     *     decryption scheme or NULL (TPM_RC_SCHEME). Only a restricted decrypt key may have a
     *     symmetric definition (TPM_RC_SYMMETRIC). ECC: the KDF must be NULL (TPM_RC_KDF).</li>
     * <li>A restricted decrypt key (parent) must name a cipher (TPM_RC_SYMMETRIC); with fixedParent
     *     under a parent object, the same nameAlg (TPM_RC_HASH) and cipher (TPM_RC_SYMMETRIC) as
     *     that parent.</li>
     * </ul>
     *
     * @param parent the parent, or null for a primary object and for the checks of loads without one
     */
    public static void check(Parent parent, PublicArea p) throws TpmException {
        int attrs = p.attributes();
        boolean sign = (attrs & SIGN) != 0;
        boolean decrypt = (attrs & DECRYPT) != 0;
        boolean restricted = (attrs & RESTRICTED) != 0;
        SymDefObject symAlgs = null;
        switch (p.type()) {
            case TpmAlgId.SYMCIPHER: {
                symAlgs = ((PublicParms.SymCipher) p.parameters()).sym();
                if (decrypt && !isBlockMode(symAlgs.mode())) {
                    throw new TpmException(TpmRc.SCHEME);
                }
                break;
            }
            case TpmAlgId.KEYEDHASH: {
                Scheme scheme = ((PublicParms.KeyedHash) p.parameters()).scheme();
                if (sign == decrypt) {
                    if (!scheme.isNull()) {
                        throw new TpmException(TpmRc.SCHEME);
                    }
                } else if (sign && scheme.selector() != TpmAlgId.HMAC) {
                    throw new TpmException(TpmRc.SCHEME);
                } else if (decrypt) {
                    if (!(scheme instanceof Scheme.Xor xor)) {
                        throw new TpmException(TpmRc.SCHEME);
                    }
                    // The only derivation this implementation supports (as the reference's).
                    if (restricted && xor.kdf() != TpmAlgId.KDF1_SP800_108) {
                        throw new TpmException(TpmRc.SCHEME);
                    }
                }
                break;
            }
            default:
                symAlgs = asymmetric(p, sign, decrypt, restricted);
                break;
        }
        if (symAlgs != null && restricted && decrypt) {
            if (symAlgs.isNull()) {
                throw new TpmException(TpmRc.SYMMETRIC);
            }
            if ((attrs & FIXED_PARENT) != 0 && parent != null) {
                if (p.nameAlg() != parent.publicArea().nameAlg()) {
                    throw new TpmException(TpmRc.HASH);
                }
                if (!symAlgs.equals(parent.publicArea().parameters().symmetric())) {
                    throw new TpmException(TpmRc.SYMMETRIC);
                }
            }
        }
    }

    private static SymDefObject asymmetric(PublicArea p, boolean sign, boolean decrypt, boolean restricted) throws TpmException {
        Scheme scheme;
        SymDefObject symAlgs;
        if (p.parameters() instanceof PublicParms.Rsa rsa) {
            scheme = rsa.scheme();
            symAlgs = rsa.symmetric();
        } else {
            PublicParms.Ecc ecc = (PublicParms.Ecc) p.parameters();
            scheme = ecc.scheme();
            symAlgs = ecc.symmetric();
        }
        if (sign == decrypt) {
            if (!scheme.isNull()) {
                throw new TpmException(TpmRc.SCHEME);
            }
        } else if (sign) {
            if (isSignScheme(p.type(), scheme.selector())) {
                if (scheme.hash() == null) {
                    throw new TpmException(TpmRc.SCHEME);
                }
            } else if (restricted || !scheme.isNull()) {
                throw new TpmException(TpmRc.SCHEME);
            }
        } else {
            if (restricted) {
                if (!scheme.isNull()) {
                    throw new TpmException(TpmRc.SCHEME);
                }
            } else if (!scheme.isNull() && !isDecryptScheme(p.type(), scheme.selector())) {
                throw new TpmException(TpmRc.SCHEME);
            }
        }
        if ((!restricted || !decrypt) && !symAlgs.isNull()) {
            throw new TpmException(TpmRc.SYMMETRIC);
        }
        // The NIST curves impose no signing scheme (CryptGetCurveSignScheme gives NULL for them),
        // so only the KDF rule applies here.
        if (p.parameters() instanceof PublicParms.Ecc ecc && !ecc.kdf().isNull()) {
            throw new TpmException(TpmRc.KDF);
        }
        return symAlgs;
    }

    /** CryptIsAsymSignScheme for the implemented schemes. */
    static boolean isSignScheme(int type, int scheme) {
        if (type == TpmAlgId.RSA) {
            return scheme == TpmAlgId.RSASSA || scheme == TpmAlgId.RSAPSS;
        }
        return type == TpmAlgId.ECC && scheme == TpmAlgId.ECDSA;
    }

    /** CryptIsAsymDecryptScheme for the implemented schemes. */
    static boolean isDecryptScheme(int type, int scheme) {
        if (type == TpmAlgId.RSA) {
            return scheme == TpmAlgId.RSAES || scheme == TpmAlgId.OAEP;
        }
        return type == TpmAlgId.ECC && scheme == TpmAlgId.ECDH;
    }

    /** CryptSymModeIsValid(mode, TRUE): the block-cipher modes or NULL (not an SMAC mode). */
    private static boolean isBlockMode(int mode) {
        switch (mode) {
            case TpmAlgId.CTR: case TpmAlgId.OFB: case TpmAlgId.CBC: case TpmAlgId.CFB: case TpmAlgId.ECB: case TpmAlgId.NULL:
                return true;
            default:
                return false;
        }
    }
}
