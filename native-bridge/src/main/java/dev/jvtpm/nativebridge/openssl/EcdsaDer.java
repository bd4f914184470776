package dev.jvtpm.nativebridge.openssl;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (SEC 1 §C.5), which EVP_PKEY_sign/verify use. */
final class EcdsaDer {
    private EcdsaDer() {}

    static byte[] encode(BigInteger r, BigInteger s) {
        byte[] ri = integer(r);
        byte[] si = integer(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        length(out, ri.length + si.length);
        out.writeBytes(ri);
        out.writeBytes(si);
        return out.toByteArray();
    }

    private static byte[] integer(BigInteger v) {
        byte[] value = v.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x02);
        length(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static void length(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        }
    }

    /** (r, s) from OpenSSL's own DER output; anything else is a broken library. */
    static BigInteger[] decode(byte[] der, int len) {
        int[] pos = {0};
        expect(der, pos, 0x30);
        int seqLen = readLength(der, pos);
        if (pos[0] + seqLen != len) {
            throw new IllegalStateException("OpenSSL ECDSA signature: bad SEQUENCE length");
        }
        BigInteger r = readInteger(der, pos);
        BigInteger s = readInteger(der, pos);
        if (pos[0] != len) {
            throw new IllegalStateException("OpenSSL ECDSA signature: trailing bytes");
        }
        return new BigInteger[] {r, s};
    }

    private static BigInteger readInteger(byte[] der, int[] pos) {
        expect(der, pos, 0x02);
        int n = readLength(der, pos);
        BigInteger v = new BigInteger(1, java.util.Arrays.copyOfRange(der, pos[0], pos[0] + n));
        pos[0] += n;
        return v;
    }

    private static void expect(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xFF) != tag) {
            throw new IllegalStateException("OpenSSL ECDSA signature: unexpected DER tag");
        }
    }

    private static int readLength(byte[] der, int[] pos) {
        int b = der[pos[0]++] & 0xFF;
        if (b < 0x80) {
            return b;
        }
        int n = b & 0x7F;
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (der[pos[0]++] & 0xFF);
        }
        return len;
    }
}
