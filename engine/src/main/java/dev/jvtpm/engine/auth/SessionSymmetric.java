package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.command.capability.Algorithms;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMT_SYM_DEF (Part 2 §11.1.6) as TPM2_StartAuthSession takes it: the parameter-encryption
 * algorithm of a session. AES has key bits and a mode; XOR has a hash in place of the key bits
 * and no mode; TPM_ALG_NULL has neither.
 */
public record SessionSymmetric(int algorithm, int keyBits, int mode) {
    public static final SessionSymmetric NULL = new SessionSymmetric(TpmAlgId.NULL, 0, TpmAlgId.NULL);

    public static SessionSymmetric aesCfb(int keyBits) {
        return new SessionSymmetric(TpmAlgId.AES, keyBits, TpmAlgId.CFB);
    }

    public static SessionSymmetric xor(HashAlg hash) {
        return new SessionSymmetric(TpmAlgId.XOR, hash.id(), TpmAlgId.NULL);
    }

    /**
     * TPMT_SYM_DEF_Unmarshal with TPM_ALG_NULL allowed: TPMI_ALG_SYM (TPM_RC_SYMMETRIC), then
     * TPMI_AES_KEY_BITS (TPM_RC_VALUE) and TPMI_ALG_SYM_MODE+ (TPM_RC_MODE) for AES, or
     * TPMI_ALG_HASH (TPM_RC_HASH) for XOR.
     */
    public static SessionSymmetric read(TpmReader r) throws TpmException {
        int alg = r.u16();
        switch (alg) {
            case TpmAlgId.NULL:
                return NULL;
            case TpmAlgId.XOR: {
                int hash = r.u16();
                if (HashAlg.fromId(hash) == null) {
                    throw r.fail(TpmRc.HASH);
                }
                return new SessionSymmetric(alg, hash, TpmAlgId.NULL);
            }
            case TpmAlgId.AES: {
                int bits = r.u16();
                if (!Algorithms.symmetricKeySizes(alg).contains(bits)) {
                    throw r.fail(TpmRc.VALUE);
                }
                int mode = r.u16();
                switch (mode) {
                    case TpmAlgId.CTR: case TpmAlgId.OFB: case TpmAlgId.CBC: case TpmAlgId.CFB:
                    case TpmAlgId.ECB: case TpmAlgId.NULL:
                        return new SessionSymmetric(alg, bits, mode);
                    default:
                        throw r.fail(TpmRc.MODE);
                }
            }
            default:
                throw r.fail(TpmRc.SYMMETRIC);
        }
    }

    public void write(TpmWriter w) {
        w.u16(algorithm);
        if (algorithm == TpmAlgId.XOR) {
            w.u16(keyBits);
        } else if (algorithm != TpmAlgId.NULL) {
            w.u16(keyBits).u16(mode);
        }
    }
}
