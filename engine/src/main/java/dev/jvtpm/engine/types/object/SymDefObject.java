package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMT_SYM_DEF_OBJECT (Part 2 §11.1.7): a block cipher, its key size and mode, or TPM_ALG_NULL
 * (then keyBits and mode are absent on the wire and 0 here). The mode may itself be TPM_ALG_NULL
 * (TPMU_SYM_MODE allows it for every cipher).
 */
public record SymDefObject(int algorithm, int keyBits, int mode) {
    public static final SymDefObject NULL = new SymDefObject(TpmAlgId.NULL, 0, 0);

    public static SymDefObject aes(int keyBits, int mode) {
        return new SymDefObject(TpmAlgId.AES, keyBits, mode);
    }

    public boolean isNull() {
        return algorithm == TpmAlgId.NULL;
    }

    /** The key size in bytes, 0 for NULL. */
    public int keyBytes() {
        return (keyBits + 7) / 8;
    }

    /**
     * TPMT_SYM_DEF_OBJECT_Unmarshal: TPMI_ALG_SYM_OBJECT (TPM_RC_SYMMETRIC), then for AES
     * TPMI_AES_KEY_BITS (TPM_RC_VALUE) and TPMI_ALG_SYM_MODE+ (TPM_RC_MODE).
     */
    public static SymDefObject read(TpmReader r, boolean allowNull) throws TpmException {
        int alg = AlgSelectors.symObject(r, allowNull);
        if (alg == TpmAlgId.NULL) {
            return NULL;
        }
        int bits = AlgSelectors.aesKeyBits(r);
        int mode = AlgSelectors.symMode(r, true);
        return new SymDefObject(alg, bits, mode);
    }

    public void write(TpmWriter w) {
        w.u16(algorithm);
        if (!isNull()) {
            w.u16(keyBits).u16(mode);
        }
    }
}
