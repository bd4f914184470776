package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPMS_SENSITIVE_CREATE (Part 2 §12.1.15): the authValue and optional secret data a caller
 * supplies to TPM2_Create/CreatePrimary. {@code toString} does not print them.
 */
public record SensitiveCreate(byte[] userAuth, byte[] data) {
    public static final SensitiveCreate EMPTY = new SensitiveCreate(new byte[0], new byte[0]);

    /** TPMS_SENSITIVE_CREATE_Unmarshal: userAuth (TPM2B_AUTH, 64) and data (TPM2B_SENSITIVE_DATA, 128). */
    public static SensitiveCreate read(TpmReader r) throws TpmException {
        byte[] auth = r.tpm2b(ObjectLimits.DIGEST);
        byte[] data = r.tpm2b(ObjectLimits.SENSITIVE_DATA);
        return new SensitiveCreate(auth, data);
    }

    /**
     * TPM2B_SENSITIVE_CREATE_Unmarshal: a zero size is TPM_RC_SIZE; the structure is read from
     * the stream and must use exactly {@code size} bytes (TPM_RC_SIZE).
     */
    public static SensitiveCreate readSized(TpmReader r) throws TpmException {
        int size = r.u16();
        if (size == 0) {
            throw r.fail(TpmRc.SIZE);
        }
        int start = r.position();
        SensitiveCreate s = read(r);
        if (r.position() - start != size) {
            throw r.fail(TpmRc.SIZE);
        }
        return s;
    }

    public void writeSized(TpmWriter w) {
        int mark = w.beginSized();
        w.tpm2b(userAuth).tpm2b(data);
        w.endSized(mark);
    }

    @Override
    public String toString() {
        return "SensitiveCreate[" + userAuth.length + "-byte auth, " + data.length + "-byte data]";
    }
}
