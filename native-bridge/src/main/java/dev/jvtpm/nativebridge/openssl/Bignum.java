package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.Octets;
import java.math.BigInteger;
import java.util.Arrays;

/** BIGNUM conversions. Secret values go into BN_secure_new numbers flagged constant-time. */
final class Bignum {
    private Bignum() {}

    /** A new BIGNUM holding {@code v} (≥ 0); the caller frees it (BN_clear_free when secret). */
    static long of(BigInteger v, boolean secret) {
        byte[] b = v.signum() == 0 ? new byte[0] : Octets.i2osp(v, (v.bitLength() + 7) / 8);
        try {
            long ret = 0;
            if (secret) {
                ret = OpenSslError.check(LibCrypto.BN_secure_new(), "BN_secure_new");
                LibCrypto.BN_set_flags(ret, LibCrypto.BN_FLG_CONSTTIME);
            }
            long bn = LibCrypto.BN_bin2bn(b, b.length, ret);
            if (bn == 0 && ret != 0) {
                LibCrypto.BN_clear_free(ret);
            }
            return OpenSslError.check(bn, "BN_bin2bn");
        } finally {
            Arrays.fill(b, (byte) 0);
        }
    }

    /** {@code bn} as exactly {@code len} big-endian bytes. */
    static byte[] bytes(long bn, int len) {
        byte[] out = new byte[len];
        if (LibCrypto.BN_bn2binpad(bn, out, len) != len) {
            throw OpenSslError.failure("BN_bn2binpad");
        }
        return out;
    }

    static BigInteger value(long bn) {
        int len = (LibCrypto.BN_num_bits(bn) + 7) / 8;
        return len == 0 ? BigInteger.ZERO : new BigInteger(1, bytes(bn, len));
    }
}
