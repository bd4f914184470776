package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * The TPM2B_PRIVATE of TPM2_Duplicate / TPM2_Import / TPM2_Rewrap (Part 1 §23.3 "Duplication",
 * Part 3 §13): the sensitive area, optionally inside an inner wrap (AES-CFB with the
 * encryptionKey, integrity by the object's nameAlg), optionally inside an outer wrap keyed by the
 * seed shared with the new parent ("DUPLICATE" secret) and without IV. libtpms
 * SensitiveToDuplicate / DuplicateToSensitive.
 */
public final class DuplicationBlob {
    private final OuterWrap outer;
    private final InnerWrap inner;

    public DuplicationBlob(CryptoSuite suite) {
        this.outer = new OuterWrap(suite);
        this.inner = new InnerWrap(suite);
    }

    /**
     * @param newParent the outer protection (seed and the new parent's nameAlg and cipher), or
     *                  null when the new parent is TPM_RH_NULL (no outer wrap)
     * @param innerKey  the AES key of the inner wrap (its length gives the key size), or null when
     *                  symmetricAlg is TPM_ALG_NULL (no inner wrap). The command has already checked
     *                  its size against symmetricAlg (TPM2_Import: TPM_RC_SIZE on encryptionKey).
     */
    public byte[] wrap(Protector newParent, byte[] name, HashAlg objectNameAlg, SensitiveArea sensitive, byte[] innerKey) {
        byte[] data = SensitiveEncoding.encode(sensitive, objectNameAlg);
        if (innerKey != null) {
            data = inner.produce(objectNameAlg, name, innerKey, data);
        }
        if (newParent != null) {
            data = outer.produce(newParent, name, null, data);
        }
        return data;
    }

    /**
     * The inverse. Codes, bare (TPM2_Import adds duplicate's position): outer wrap codes, then
     * TPM_RC_INSUFFICIENT / TPM_RC_SIZE / TPM_RC_INTEGRITY from the inner integrity, then TPM_RC_SIZE
     * when the sensitive size does not add up or bytes are left over, or the unmarshal code of the
     * TPMT_SENSITIVE itself.
     */
    public SensitiveArea unwrap(Protector newParent, byte[] name, HashAlg objectNameAlg, byte[] innerKey, byte[] duplicate)
            throws TpmException {
        byte[] data = duplicate;
        if (newParent != null) {
            data = outer.unwrap(newParent, name, false, data);
        }
        if (innerKey != null) {
            data = inner.unwrap(objectNameAlg, name, innerKey, data);
        }
        return SensitiveEncoding.decode(data, TpmRc.SIZE, false);
    }
}
