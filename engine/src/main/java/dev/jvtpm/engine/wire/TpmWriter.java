package dev.jvtpm.engine.wire;

import java.util.Arrays;

/** Growable big-endian writer. TPM2B sizes are back-patched with {@link #beginSized()}. */
public final class TpmWriter {
    private byte[] buf;
    private int pos;

    public TpmWriter() {
        this(256);
    }

    public TpmWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public TpmWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public TpmWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public TpmWriter u32(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public TpmWriter u64(long v) {
        u32((int) (v >>> 32));
        return u32((int) v);
    }

    public TpmWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public TpmWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** A TPM2B: u16 size then the bytes. */
    public TpmWriter tpm2b(byte[] b) {
        u16(b.length);
        return bytes(b);
    }

    /** Reserves a u16 size field; pass the result to {@link #endSized(int)} after the contents. */
    public int beginSized() {
        int mark = pos;
        u16(0);
        return mark;
    }

    public void endSized(int mark) {
        int size = pos - mark - 2;
        buf[mark] = (byte) (size >>> 8);
        buf[mark + 1] = (byte) size;
    }

    /** Reserves a u32 size field; pass the result to {@link #endSized32(int)}. */
    public int beginSized32() {
        int mark = pos;
        u32(0);
        return mark;
    }

    public void endSized32(int mark) {
        int size = pos - mark - 4;
        buf[mark] = (byte) (size >>> 24);
        buf[mark + 1] = (byte) (size >>> 16);
        buf[mark + 2] = (byte) (size >>> 8);
        buf[mark + 3] = (byte) size;
    }

    /** Overwrites a u32 at an absolute position already written. */
    public void patchU32(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    public int size() {
        return pos;
    }

    public void reset() {
        pos = 0;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /** The bytes written since {@code from}. */
    public byte[] copyFrom(int from) {
        return Arrays.copyOfRange(buf, from, pos);
    }

    /** Direct access to the backing array (valid up to {@link #size()}); for in-place encryption. */
    public byte[] array() {
        return buf;
    }
}
