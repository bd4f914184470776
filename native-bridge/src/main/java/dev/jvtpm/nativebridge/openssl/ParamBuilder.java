package dev.jvtpm.nativebridge.openssl;

import com.sun.jna.Memory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OSSL_PARAM_BLD with the lifetimes handled: the builder refers to pushed BIGNUMs until
 * {@link #build()} and the built array refers to the key names and buffers, so all are kept here
 * and released by {@link #close()} after the array. Secret BIGNUMs are secure-heap numbers, whose copies in the array OpenSSL clears on
 * free.
 */
final class ParamBuilder implements AutoCloseable {
    private final long bld = OpenSslError.check(LibCrypto.OSSL_PARAM_BLD_new(), "OSSL_PARAM_BLD_new");
    private final List<Long> bignums = new ArrayList<>();
    private final List<Memory> buffers = new ArrayList<>();
    private long params;

    ParamBuilder bn(String key, BigInteger v, boolean secret) {
        long bn = Bignum.of(v, secret);
        bignums.add(bn);
        OpenSslError.check(LibCrypto.OSSL_PARAM_BLD_push_BN(bld, cString(key), bn), "OSSL_PARAM_BLD_push_BN(" + key + ")");
        return this;
    }

    ParamBuilder utf8(String key, String value) {
        Memory m = cString(value);
        OpenSslError.check(LibCrypto.OSSL_PARAM_BLD_push_utf8_string(bld, cString(key), m, m.size() - 1),
                "push_utf8_string(" + key + ")");
        return this;
    }

    /** A NUL-terminated copy in native memory that lives until {@link #close()}. */
    private Memory cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(b.length + 1);
        m.write(0, b, 0, b.length);
        m.setByte(b.length, (byte) 0);
        buffers.add(m);
        return m;
    }

    ParamBuilder octets(String key, byte[] value) {
        Memory m = new Memory(Math.max(1, value.length));
        m.write(0, value, 0, value.length);
        buffers.add(m);
        OpenSslError.check(LibCrypto.OSSL_PARAM_BLD_push_octet_string(bld, cString(key), m, value.length),
                "push_octet_string(" + key + ")");
        return this;
    }

    /** The OSSL_PARAM array; valid until {@link #close()}. */
    long build() {
        params = OpenSslError.check(LibCrypto.OSSL_PARAM_BLD_to_param(bld), "OSSL_PARAM_BLD_to_param");
        return params;
    }

    @Override
    public void close() {
        if (params != 0) {
            LibCrypto.OSSL_PARAM_free(params);
        }
        LibCrypto.OSSL_PARAM_BLD_free(bld);
        for (long bn : bignums) {
            LibCrypto.BN_clear_free(bn);
        }
        for (Memory m : buffers) {
            m.clear();
            m.close();
        }
    }
}
