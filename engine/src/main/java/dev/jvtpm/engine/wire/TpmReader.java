package dev.jvtpm.engine.wire;

import java.util.Objects;

/**
 * Bounds-checked big-endian reader over a byte array slice.
 *
 * <p>Every read past the end throws {@link TpmException} with {@code TPM_RC_INSUFFICIENT}; a
 * TPM2B whose size exceeds its maximum throws {@code TPM_RC_SIZE}. When the caller has declared
 * which command parameter is being read ({@link #param(int)}), the code carries that position,
 * which is how the reference TPM reports unmarshalling failures.
 */
public final class TpmReader {
    private final byte[] buf;
    private int pos;
    private final int limit;
    private int param;

    public TpmReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public TpmReader(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        this.buf = buf;
        this.pos = offset;
        this.limit = offset + length;
    }

    /** Declares that the following reads belong to command parameter {@code n} (1-based). */
    public TpmReader param(int n) {
        this.param = n;
        return this;
    }

    /** The parameter currently being read, 0 if none was declared. */
    public int currentParam() {
        return param;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    /** A failure of the parameter being read, with its position. */
    public TpmException fail(int code) {
        return param > 0 ? TpmException.parameter(param, code) : new TpmException(code);
    }

    private void need(int n) throws TpmException {
        if (n < 0 || limit - pos < n) {
            throw fail(TpmRc.INSUFFICIENT);
        }
    }

    public int u8() throws TpmException {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public int u16() throws TpmException {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int u32() throws TpmException {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long u64() throws TpmException {
        long hi = u32() & 0xFFFFFFFFL;
        long lo = u32() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    public byte[] bytes(int n) throws TpmException {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n) throws TpmException {
        need(n);
        pos += n;
    }

    /** A TPM2B: u16 size then that many bytes; {@code TPM_RC_SIZE} when size exceeds {@code max}. */
    public byte[] tpm2b(int max) throws TpmException {
        int size = u16();
        if (size > max) {
            throw fail(TpmRc.SIZE);
        }
        return bytes(size);
    }

    /** A reader over the next {@code n} bytes, which this reader skips. */
    public TpmReader slice(int n) throws TpmException {
        need(n);
        TpmReader r = new TpmReader(buf, pos, n);
        r.param = param;
        pos += n;
        return r;
    }

    /** All bytes not yet read, consumed. */
    public byte[] rest() {
        byte[] out = new byte[limit - pos];
        System.arraycopy(buf, pos, out, 0, out.length);
        pos = limit;
        return out;
    }

    /** Raw access to the bytes between two positions of this reader (for hashing what was sent). */
    public byte[] copyRange(int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(buf, from, out, 0, out.length);
        return out;
    }
}
