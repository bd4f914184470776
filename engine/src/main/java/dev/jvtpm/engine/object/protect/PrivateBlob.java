package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * TPM2B_PRIVATE for an object stored under its parent (Part 1 §23.3, Part 2 §12.3.7): the
 * sensitive area wrapped with the parent's seed, with a random IV. libtpms SensitiveToPrivate /
 * PrivateToSensitive.
 */
public final class PrivateBlob {
    private final OuterWrap outer;

    public PrivateBlob(CryptoSuite suite) {
        this.outer = new OuterWrap(suite);
    }

    /**
     * The TPM2B_PRIVATE buffer for {@code sensitive} (its authValue brought to the size of
     * {@code objectNameAlg}). {@code iv} is 16 fresh bytes from the TPM's DRBG.
     */
    public byte[] wrap(Protector parent, byte[] name, HashAlg objectNameAlg, SensitiveArea sensitive, byte[] iv) {
        return outer.produce(parent, name, iv, SensitiveEncoding.encode(sensitive, objectNameAlg));
    }

    /**
     * The sensitive area in {@code inPrivate}. Codes, bare (TPM2_Load adds inPrivate's position to
     * the format-one ones): TPM_RC_INSUFFICIENT / TPM_RC_SIZE / TPM_RC_INTEGRITY / TPM_RC_VALUE from
     * the outer wrap; TPM_RC_SENSITIVE (format zero) when the decrypted size does not add up or the
     * TPMT_SENSITIVE does not parse exactly; TPM_RC_INSUFFICIENT when nothing follows the IV.
     */
    public SensitiveArea unwrap(Protector parent, byte[] name, byte[] inPrivate) throws TpmException {
        byte[] plain = outer.unwrap(parent, name, true, inPrivate);
        return SensitiveEncoding.decode(plain, TpmRc.SENSITIVE, true);
    }
}
