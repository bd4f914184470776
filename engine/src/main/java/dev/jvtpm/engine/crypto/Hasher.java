package dev.jvtpm.engine.crypto;

/** A running hash computation. Not thread-safe; one per use. */
public interface Hasher {
    Hasher update(byte[] data, int off, int len);

    default Hasher update(byte[] data) {
        return update(data, 0, data.length);
    }

    default Hasher updateU16(int v) {
        return update(new byte[] {(byte) (v >>> 8), (byte) v});
    }

    default Hasher updateU32(int v) {
        return update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    /** Completes the hash; the hasher must not be used afterwards. */
    byte[] digest();

    /** An independent copy of the current state (for sequence contexts and incremental reads). */
    Hasher copy();
}
