package dev.jvtpm.engine.types.object;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;

/** TPMA_OBJECT (Part 2 §8.3): the attribute bits of an object, kept as the raw UINT32. */
public final class ObjectAttributes {
    private ObjectAttributes() {}

    public static final int FIXED_TPM = 1 << 1;
    public static final int ST_CLEAR = 1 << 2;
    public static final int FIXED_PARENT = 1 << 4;
    public static final int SENSITIVE_DATA_ORIGIN = 1 << 5;
    public static final int USER_WITH_AUTH = 1 << 6;
    public static final int ADMIN_WITH_POLICY = 1 << 7;
    public static final int NO_DA = 1 << 10;
    public static final int ENCRYPTED_DUPLICATION = 1 << 11;
    public static final int RESTRICTED = 1 << 16;
    public static final int DECRYPT = 1 << 17;
    public static final int SIGN = 1 << 18;
    public static final int X509_SIGN = 1 << 19;

    /**
     * Bits 0, 3, 8, 9, 12-15 and 20-31: libtpms 0.9.2's TPMA_OBJECT_reserved (0xFFF0F309).
     * x509sign (bit 19) is not reserved there, so it is accepted here too.
     */
    public static final int RESERVED = 0xFFF0F309;

    /** TPMA_OBJECT_Unmarshal: TPM_RC_RESERVED_BITS when any reserved bit is set. */
    public static int read(TpmReader r) throws TpmException {
        int a = r.u32();
        if ((a & RESERVED) != 0) {
            throw r.fail(TpmRc.RESERVED_BITS);
        }
        return a;
    }

    public static boolean isSet(int attributes, int bit) {
        return (attributes & bit) != 0;
    }
}
