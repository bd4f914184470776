package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * TPMT_SENSITIVE (Part 2 §12.3.2.5): the secret half of an object. {@code sensitive} is the
 * TPMU_SENSITIVE_COMPOSITE member selected by {@code type}; every member is a TPM2B, differing
 * only in its maximum: an RSA prime (TPM2B_PRIVATE_KEY_RSA), an ECC scalar
 * (TPM2B_ECC_PARAMETER), keyed-hash bits (TPM2B_SENSITIVE_DATA) or a symmetric key
 * (TPM2B_SYM_KEY).
 *
 * <p>{@code toString} does not print the secrets.
 */
public record SensitiveArea(int type, byte[] authValue, byte[] seedValue, byte[] sensitive) {

    /** The maximum size of the composite member of an object of {@code type}. */
    public static int compositeMax(int type) {
        switch (type) {
            case TpmAlgId.RSA: return ObjectLimits.RSA_PRIVATE;
            case TpmAlgId.ECC: return ObjectLimits.ECC_KEY_BYTES;
            case TpmAlgId.KEYEDHASH: return ObjectLimits.SENSITIVE_DATA;
            default: return ObjectLimits.SYM_KEY;
        }
    }

    /**
     * TPMT_SENSITIVE_Unmarshal: sensitiveType (TPMI_ALG_PUBLIC, TPM_RC_TYPE), authValue and
     * seedValue (TPM2B_DIGEST), then the composite (TPM_RC_SIZE above its maximum).
     */
    public static SensitiveArea read(TpmReader r) throws TpmException {
        int type = AlgSelectors.publicType(r);
        byte[] auth = r.tpm2b(ObjectLimits.DIGEST);
        byte[] seed = r.tpm2b(ObjectLimits.DIGEST);
        byte[] composite = r.tpm2b(compositeMax(type));
        return new SensitiveArea(type, auth, seed, composite);
    }

    /**
     * TPM2B_SENSITIVE_Unmarshal: a zero size means "no sensitive area" (null here); otherwise the
     * structure is read from the stream and must use exactly {@code size} bytes (TPM_RC_SIZE).
     */
    public static SensitiveArea readSized(TpmReader r) throws TpmException {
        int size = r.u16();
        if (size == 0) {
            return null;
        }
        int start = r.position();
        SensitiveArea s = read(r);
        if (r.position() - start != size) {
            throw r.fail(TpmRc.SIZE);
        }
        return s;
    }

    public void write(TpmWriter w) {
        w.u16(type).tpm2b(authValue).tpm2b(seedValue).tpm2b(sensitive);
    }

    public byte[] toBytes() {
        TpmWriter w = new TpmWriter(256);
        write(w);
        return w.toByteArray();
    }

    /** As TPM2B_SENSITIVE. */
    public void writeSized(TpmWriter w) {
        int mark = w.beginSized();
        write(w);
        w.endSized(mark);
    }

    public SensitiveArea withAuthValue(byte[] auth) {
        return new SensitiveArea(type, auth, seedValue, sensitive);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensitiveArea s && Arrays.equals(toBytes(), s.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "SensitiveArea[type=0x" + Integer.toHexString(type) + ", " + sensitive.length + "-byte secret]";
    }
}
