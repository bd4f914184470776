package dev.jvtpm.engine.differential;

import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;

/** Reading responses in the differential tests. */
final class DifferentialTestSupport {
    private DifferentialTestSupport() {}

    /** The parameter area of a successful response (after the response handle, if any, and the parameter size). */
    static TpmReader params(byte[] rsp, boolean responseHandle) throws TpmException {
        TpmReader r = new TpmReader(rsp, 10, rsp.length - 10);
        if (responseHandle) {
            r.u32();
        }
        if (((rsp[0] & 0xFF) << 8 | (rsp[1] & 0xFF)) == TpmSt.SESSIONS) {
            return r.slice(r.u32());
        }
        return r;
    }

    /** The response handle of a successful response. */
    static int handle(byte[] rsp) {
        return ((rsp[10] & 0xFF) << 24) | ((rsp[11] & 0xFF) << 16) | ((rsp[12] & 0xFF) << 8) | (rsp[13] & 0xFF);
    }
}
