package dev.jvtpm.nativebridge.openssl;

import java.nio.charset.StandardCharsets;

/**
 * Drains OpenSSL's per-thread error queue into a message. Every failure path must drain it: the
 * queue is thread-local and would otherwise grow on long-lived daemon threads.
 */
final class OpenSslError {
    private OpenSslError() {}

    /** The queued errors as text (and the queue emptied). */
    static String drain() {
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[256];
        for (long e; (e = LibCrypto.ERR_get_error()) != 0; ) {
            LibCrypto.ERR_error_string_n(e, buf, buf.length);
            int n = 0;
            while (n < buf.length && buf[n] != 0) {
                n++;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        }
        return sb.length() == 0 ? "no error queued" : sb.toString();
    }

    /** Empties the queue after an expected failure (a signature that does not verify). */
    static void clear() {
        LibCrypto.ERR_clear_error();
    }

    /** An exception for an operation OpenSSL should not have refused. */
    static IllegalStateException failure(String what) {
        return new IllegalStateException("OpenSSL " + what + " failed: " + drain());
    }

    /** Throws {@link #failure} unless {@code rc} is 1 (OpenSSL's success). */
    static void check(int rc, String what) {
        if (rc != 1) {
            throw failure(what);
        }
    }

    /** Throws {@link #failure} when OpenSSL returned a null pointer. */
    static long check(long ptr, String what) {
        if (ptr == 0) {
            throw failure(what);
        }
        return ptr;
    }
}
