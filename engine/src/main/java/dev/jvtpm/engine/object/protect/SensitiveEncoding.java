package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * The plaintext inside every wrap: a TPM2B_SENSITIVE whose authValue has been brought to the
 * digest size of the object's nameAlg (libtpms MarshalSensitive pads it with zeros; the TPM keeps
 * authValues at that size once they are adjusted on creation).
 */
final class SensitiveEncoding {
    private SensitiveEncoding() {}

    static byte[] encode(SensitiveArea s, HashAlg nameAlg) {
        SensitiveArea padded = s.withAuthValue(Arrays.copyOf(s.authValue(), nameAlg.digestSize()));
        TpmWriter w = new TpmWriter(256);
        padded.writeSized(w);
        return w.toByteArray();
    }

    /**
     * The inverse: a u16 size that must cover exactly the rest, then a TPMT_SENSITIVE using all of
     * it. {@code mismatch} is the code for a size that does not add up or a structure that does
     * not parse (TPM_RC_SENSITIVE for private blobs, TPM_RC_SIZE for duplication blobs); a buffer
     * too short for the size field is TPM_RC_INSUFFICIENT.
     */
    static SensitiveArea decode(byte[] plain, int mismatch, boolean parseErrorsAreMismatch) throws TpmException {
        TpmReader r = new TpmReader(plain);
        int size = r.u16();
        if (size + 2 != plain.length) {
            throw new TpmException(mismatch);
        }
        SensitiveArea s;
        try {
            s = SensitiveArea.read(r);
        } catch (TpmException e) {
            if (parseErrorsAreMismatch) {
                throw new TpmException(mismatch);
            }
            throw e;
        }
        if (r.hasRemaining()) {
            throw new TpmException(mismatch);
        }
        return s;
    }
}
