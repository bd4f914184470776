package dev.jvtpm.engine.types;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;

/** TPMI_YES_NO (Part 2 §9.2): a byte that must be 0 (NO) or 1 (YES), else TPM_RC_VALUE. */
public final class YesNo {
    private YesNo() {}

    public static final int NO = 0;
    public static final int YES = 1;

    public static boolean read(TpmReader r) throws TpmException {
        int v = r.u8();
        if (v != NO && v != YES) {
            throw r.fail(TpmRc.VALUE);
        }
        return v == YES;
    }
}
