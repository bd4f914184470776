package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;

/** NV steps the engine tests repeat: define, read data, read the public area and Name. */
public final class NvTesting {
    private NvTesting() {}

    public static final byte[] NONE = new byte[0];

    /** NV_DefineSpace with an empty hierarchy password and no policy; returns the response code. */
    public static int define(TpmHarness h, int auth, byte[] indexAuth, int index, int nameAlg, int attributes,
                             int size) {
        return h.rc(Commands.nvDefineSpace(auth, NONE, indexAuth, index, nameAlg, attributes, NONE, size));
    }

    /** NV_Read that must succeed; the data. */
    public static byte[] read(TpmHarness h, int auth, byte[] pw, int index, int size, int offset) {
        TpmReader r = h.ok(h.call(Commands.nvRead(auth, pw, index, size, offset))).parameters(0);
        try {
            return r.tpm2b(1024);
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** NV_ReadPublic's answer: the marshalled TPMS_NV_PUBLIC, its attributes and the Name. */
    public record Public(byte[] nvPublic, int attributes, byte[] name) {}

    public static Public readPublic(TpmHarness h, int index) {
        TpmReader r = h.ok(h.call(Commands.nvReadPublic(index))).body();
        try {
            byte[] pub = r.tpm2b(200);
            byte[] name = r.tpm2b(66);
            TpmReader p = new TpmReader(pub);
            p.u32();
            p.u16();
            return new Public(pub, p.u32(), name);
        } catch (TpmException e) {
            throw new AssertionError(e);
        }
    }

    /** The first 8 bytes of an index as a big-endian number (counters, bit fields, PINs). */
    public static long readU64(TpmHarness h, int auth, byte[] pw, int index) {
        byte[] b = read(h, auth, pw, index, 8, 0);
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }
}
