package dev.jvtpm.engine.crypto;

import java.math.BigInteger;

/** RFC 8017 §4 data conversion: integers as big-endian unsigned octet strings of fixed length. */
public final class Octets {
    private Octets() {}

    /**
     * I2OSP: {@code x} as exactly {@code len} bytes.
     *
     * @throws IllegalArgumentException when x is negative or does not fit
     */
    public static byte[] i2osp(BigInteger x, int len) {
        if (x.signum() < 0) {
            throw new IllegalArgumentException("negative integer");
        }
        byte[] raw = x.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int n = raw.length - start;
        if (n > len) {
            throw new IllegalArgumentException("integer too large for " + len + " bytes");
        }
        byte[] out = new byte[len];
        System.arraycopy(raw, start, out, len - n, n);
        return out;
    }

    /** OS2IP: the unsigned integer these bytes encode. */
    public static BigInteger os2ip(byte[] bytes) {
        return new BigInteger(1, bytes);
    }

    /**
     * {@code bytes} left-padded with zeros to {@code len}; longer input is accepted only when the
     * surplus leading bytes are zero.
     *
     * @throws IllegalArgumentException when the value does not fit
     */
    public static byte[] fit(byte[] bytes, int len) {
        if (bytes.length == len) {
            return bytes;
        }
        byte[] out = new byte[len];
        if (bytes.length < len) {
            System.arraycopy(bytes, 0, out, len - bytes.length, bytes.length);
            return out;
        }
        int surplus = bytes.length - len;
        for (int i = 0; i < surplus; i++) {
            if (bytes[i] != 0) {
                throw new IllegalArgumentException("value does not fit in " + len + " bytes");
            }
        }
        System.arraycopy(bytes, surplus, out, 0, len);
        return out;
    }
}
