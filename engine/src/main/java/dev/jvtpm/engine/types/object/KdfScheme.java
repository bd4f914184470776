package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMT_KDF_SCHEME (Part 2 §11.2.3.3): a KDF and its hash, or TPM_ALG_NULL (hash null). Every
 * member of TPMU_KDF_SCHEME is a TPMS_SCHEME_HASH, so one record covers the union.
 */
public record KdfScheme(int scheme, HashAlg hash) {
    public static final KdfScheme NULL = new KdfScheme(TpmAlgId.NULL, null);

    public boolean isNull() {
        return scheme == TpmAlgId.NULL;
    }

    /** TPMT_KDF_SCHEME_Unmarshal: TPMI_ALG_KDF (TPM_RC_KDF) then a hash without NULL (TPM_RC_HASH). */
    public static KdfScheme read(TpmReader r, boolean allowNull) throws TpmException {
        int scheme = AlgSelectors.kdf(r, allowNull);
        if (scheme == TpmAlgId.NULL) {
            return NULL;
        }
        return new KdfScheme(scheme, AlgSelectors.hashAlg(r));
    }

    public void write(TpmWriter w) {
        w.u16(scheme);
        if (!isNull()) {
            w.u16(hash.id());
        }
    }
}
