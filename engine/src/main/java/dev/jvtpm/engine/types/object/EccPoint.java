package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/** TPMS_ECC_POINT (Part 2 §11.2.5.2): two TPM2B_ECC_PARAMETER coordinates, big-endian. */
public record EccPoint(byte[] x, byte[] y) {
    public static final EccPoint EMPTY = new EccPoint(new byte[0], new byte[0]);

    /** TPMS_ECC_POINT_Unmarshal: each coordinate at most {@link ObjectLimits#ECC_KEY_BYTES} (TPM_RC_SIZE). */
    public static EccPoint read(TpmReader r) throws TpmException {
        byte[] x = r.tpm2b(ObjectLimits.ECC_KEY_BYTES);
        byte[] y = r.tpm2b(ObjectLimits.ECC_KEY_BYTES);
        return new EccPoint(x, y);
    }

    /**
     * TPM2B_ECC_POINT_Unmarshal: TPM_RC_SIZE when the size is zero or differs from what the point
     * occupies; the point is read from the stream itself, so a short size surfaces as TPM_RC_SIZE
     * after the point was read, as in the reference.
     */
    public static EccPoint readSized(TpmReader r) throws TpmException {
        int size = r.u16();
        if (size == 0) {
            throw r.fail(TpmRc.SIZE);
        }
        int start = r.position();
        EccPoint p = read(r);
        if (r.position() - start != size) {
            throw r.fail(TpmRc.SIZE);
        }
        return p;
    }

    public void write(TpmWriter w) {
        w.tpm2b(x).tpm2b(y);
    }

    public void writeSized(TpmWriter w) {
        int mark = w.beginSized();
        write(w);
        w.endSized(mark);
    }
}
