package dev.jvtpm.engine.command.context;

import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMS_CONTEXT (Part 2 §14.5): what TPM2_ContextSave returns and TPM2_ContextLoad takes. The
 * contextBlob's contents are this TPM's own ({@link ContextProtection}); only its size limit is
 * libtpms' (sizeof(TPMS_CONTEXT_DATA) = 2 + 64 + 2 + MAX_CONTEXT_SIZE 2680).
 */
public record SavedContext(long sequence, int savedHandle, int hierarchy, byte[] contextBlob) {
    /** Largest TPM2B_CONTEXT_DATA libtpms unmarshals. */
    public static final int MAX_BLOB = 2 + 64 + 2 + 2680;

    /** savedHandle of an ordinary object context. */
    public static final int OBJECT = 0x80000000;
    /** savedHandle of a sequence object context. */
    public static final int SEQUENCE = 0x80000001;
    /** savedHandle of an stClear object context (its integrity covers clearCount). */
    public static final int ST_CLEAR_OBJECT = 0x80000002;

    /**
     * TPMS_CONTEXT_Unmarshal: sequence, savedHandle as TPMI_DH_SAVED (an HMAC or policy session
     * handle or one of the three object values, else TPM_RC_VALUE), hierarchy as
     * TPMI_RH_HIERARCHY+ (TPM_RC_VALUE), contextBlob (TPM_RC_SIZE over {@link #MAX_BLOB}).
     */
    public static SavedContext read(TpmReader r) throws TpmException {
        long sequence = r.u64();
        int saved = r.u32();
        boolean session = HandleTypes.HMAC_SESSION_SAVED.accepts(saved) || HandleTypes.POLICY_SESSION_SAVED.accepts(saved);
        if (!session && saved != OBJECT && saved != SEQUENCE && saved != ST_CLEAR_OBJECT) {
            throw r.fail(TpmRc.VALUE);
        }
        int hierarchy = r.u32();
        if (!HandleTypes.HIERARCHY_OR_NULL.accepts(hierarchy)) {
            throw r.fail(TpmRc.VALUE);
        }
        return new SavedContext(sequence, saved, hierarchy, r.tpm2b(MAX_BLOB));
    }

    public void write(TpmWriter w) {
        w.u64(sequence).u32(savedHandle).u32(hierarchy).tpm2b(contextBlob);
    }

    /** The marshalled size. */
    public int size() {
        return 8 + 4 + 4 + 2 + contextBlob.length;
    }
}
