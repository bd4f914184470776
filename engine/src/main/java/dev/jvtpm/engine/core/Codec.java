package dev.jvtpm.engine.core;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/** Small helpers shared by the state sections' codecs (u32-length byte strings, booleans). */
public final class Codec {
    private Codec() {}

    public static void bytes32(TpmWriter w, byte[] b) {
        w.u32(b.length).bytes(b);
    }

    public static byte[] bytes32(TpmReader r) throws TpmException {
        int n = r.u32();
        if (n < 0 || n > r.remaining()) {
            throw new TpmException(dev.jvtpm.engine.wire.TpmRc.SIZE, "length " + n);
        }
        return r.bytes(n);
    }

    public static void bool(TpmWriter w, boolean b) {
        w.u8(b ? 1 : 0);
    }

    public static boolean bool(TpmReader r) throws TpmException {
        return r.u8() != 0;
    }
}
