package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/** TPMU_PUBLIC_ID (Part 2 §12.2.3.2), the {@code unique} field, selected by the object type. */
public sealed interface PublicId {
    void write(TpmWriter w);

    /** keyedHash and sym: a TPM2B_DIGEST. */
    record Digest(byte[] value) implements PublicId {
        public void write(TpmWriter w) {
            w.tpm2b(value);
        }
    }

    /** rsa: TPM2B_PUBLIC_KEY_RSA, the modulus. */
    record Rsa(byte[] modulus) implements PublicId {
        public void write(TpmWriter w) {
            w.tpm2b(modulus);
        }
    }

    /** ecc: TPMS_ECC_POINT. */
    record Ecc(EccPoint point) implements PublicId {
        public void write(TpmWriter w) {
            point.write(w);
        }
    }

    /** TPMU_PUBLIC_ID_Unmarshal for an already validated type (sizes: TPM_RC_SIZE). */
    static PublicId read(TpmReader r, int type) throws TpmException {
        switch (type) {
            case TpmAlgId.KEYEDHASH:
            case TpmAlgId.SYMCIPHER:
                return new Digest(r.tpm2b(ObjectLimits.DIGEST));
            case TpmAlgId.RSA:
                return new Rsa(r.tpm2b(ObjectLimits.RSA_KEY));
            case TpmAlgId.ECC:
                return new Ecc(EccPoint.read(r));
            default:
                throw new IllegalStateException("type 0x" + Integer.toHexString(type) + " passed TPMI_ALG_PUBLIC");
        }
    }

    /** An empty unique of the given type, as a template usually carries. */
    static PublicId empty(int type) {
        switch (type) {
            case TpmAlgId.RSA: return new Rsa(new byte[0]);
            case TpmAlgId.ECC: return new Ecc(EccPoint.EMPTY);
            default: return new Digest(new byte[0]);
        }
    }
}
