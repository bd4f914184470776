package dev.jvtpm.nativebridge.openssl;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The slice of OpenSSL 3 libcrypto jvtpm calls, bound with JNA direct mapping (static natives:
 * no proxy, no per-call reflection). Opaque pointers (EVP_PKEY*, BIGNUM*, ...) travel as
 * {@code long} addresses; {@code size_t} is {@code long} (LP64 Linux only); {@code size_t*} and
 * {@code T**} out-parameters are one-element {@code long[]}. Nothing here may be called unless
 * {@link #unavailableReason()} is null.
 */
final class LibCrypto {
    private LibCrypto() {}

    /** The soname of OpenSSL 3's libcrypto; loading by soname needs no -dev package. */
    static final String SONAME = "libcrypto.so.3";
    /** Overrides the library loaded (a path or soname), e.g. to prove the fallback when it is absent. */
    static final String LIBRARY_PROPERTY = "jvtpm.openssl.library";

    // OSSL_KEYMGMT_SELECT_*, EVP_PKEY_{PUBLIC_KEY,KEYPAIR} (openssl/core_dispatch.h, evp.h)
    static final int EVP_PKEY_PUBLIC_KEY = 0x86;
    static final int EVP_PKEY_KEYPAIR = 0x87;
    // openssl/rsa.h
    static final int RSA_PKCS1_PADDING = 1;
    static final int RSA_NO_PADDING = 3;
    static final int RSA_PKCS1_OAEP_PADDING = 4;
    static final int RSA_PKCS1_PSS_PADDING = 6;
    static final int RSA_PSS_SALTLEN_AUTO = -2;
    // openssl/bn.h
    static final int BN_FLG_CONSTTIME = 0x04;
    // openssl/crypto.h
    static final int OPENSSL_VERSION = 0;
    static final long OPENSSL_INIT_NO_ATEXIT = 0x00080000L;

    private static final String UNAVAILABLE = bind();

    private static String bind() {
        String name = System.getProperty(LIBRARY_PROPERTY, SONAME);
        try {
            NativeLibrary lib = NativeLibrary.getInstance(name);
            Native.register(LibCrypto.class, lib);
            long v = OpenSSL_version_num();
            if ((v >>> 28) != 3) {
                return String.format("%s is version %x, not 3.x", name, v);
            }
            // No OPENSSL_cleanup at exit: it frees libcrypto's locks while the JVM's other
            // threads (the RSA key pool, a command in flight) may still be inside libcrypto, and
            // they crash on the freed locks (SIGSEGV in pthread_rwlock_wrlock, an hs_err file).
            // The process is ending; the operating system takes the memory back anyway.
            if (OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, 0) != 1) {
                return name + ": OPENSSL_init_crypto failed";
            }
            return null;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | IllegalStateException e) {
            String msg = String.valueOf(e.getMessage());
            return "cannot load " + name + ": " + (msg.length() > 200 ? msg.substring(0, 200) + "..." : msg);
        }
    }

    /** Null when libcrypto 3 is bound, else why not. */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    // ---- version, errors, memory ----
    static native long OpenSSL_version_num();

    /** int OPENSSL_init_crypto(uint64_t opts, const OPENSSL_INIT_SETTINGS *settings). */
    static native int OPENSSL_init_crypto(long opts, long settings);

    static native String OpenSSL_version(int type);

    static native long ERR_get_error();

    static native void ERR_clear_error();

    static native void ERR_error_string_n(long e, byte[] buf, long len);

    static native long CRYPTO_malloc(long num, String file, int line);

    static native void CRYPTO_free(long ptr, String file, int line);

    // ---- BIGNUM ----
    static native long BN_bin2bn(byte[] s, int len, long ret);

    static native int BN_bn2binpad(long a, byte[] to, int tolen);

    static native int BN_num_bits(long a);

    static native long BN_secure_new();

    static native void BN_set_flags(long b, int flags);

    static native void BN_free(long a);

    static native void BN_clear_free(long a);

    static native long BN_CTX_new();

    static native void BN_CTX_free(long c);

    // ---- OSSL_PARAM_BLD ----
    static native long OSSL_PARAM_BLD_new();

    /*
     * The builder and the OSSL_PARAM array it builds keep the key and buffer pointers, not copies:
     * both must be native memory that outlives the array (JNA's temporary String copies do not).
     */
    static native int OSSL_PARAM_BLD_push_BN(long bld, Pointer key, long bn);

    static native int OSSL_PARAM_BLD_push_utf8_string(long bld, Pointer key, Pointer buf, long bsize);

    static native int OSSL_PARAM_BLD_push_octet_string(long bld, Pointer key, Pointer buf, long bsize);

    static native long OSSL_PARAM_BLD_to_param(long bld);

    static native void OSSL_PARAM_BLD_free(long bld);

    static native void OSSL_PARAM_free(long params);

    // ---- EVP_PKEY ----
    static native long EVP_get_digestbyname(String name);

    static native long EVP_PKEY_CTX_new_from_name(long libctx, String name, String propq);

    static native long EVP_PKEY_CTX_new_from_pkey(long libctx, long pkey, String propq);

    static native void EVP_PKEY_CTX_free(long ctx);

    static native void EVP_PKEY_free(long pkey);

    static native int EVP_PKEY_fromdata_init(long ctx);

    static native int EVP_PKEY_fromdata(long ctx, long[] ppkey, int selection, long params);

    static native int EVP_PKEY_keygen_init(long ctx);

    static native int EVP_PKEY_generate(long ctx, long[] ppkey);

    static native int EVP_PKEY_get_bn_param(long pkey, String key, long[] bn);

    static native int EVP_PKEY_get_octet_string_param(long pkey, String key, byte[] buf, long max, long[] outLen);

    static native int EVP_PKEY_sign_init(long ctx);

    static native int EVP_PKEY_sign(long ctx, byte[] sig, long[] siglen, byte[] tbs, long tbslen);

    static native int EVP_PKEY_verify_init(long ctx);

    static native int EVP_PKEY_verify(long ctx, byte[] sig, long siglen, byte[] tbs, long tbslen);

    static native int EVP_PKEY_encrypt_init(long ctx);

    static native int EVP_PKEY_encrypt(long ctx, byte[] out, long[] outlen, byte[] in, long inlen);

    static native int EVP_PKEY_decrypt_init(long ctx);

    static native int EVP_PKEY_decrypt(long ctx, byte[] out, long[] outlen, byte[] in, long inlen);

    static native int EVP_PKEY_CTX_ctrl_str(long ctx, String type, String value);

    static native int EVP_PKEY_CTX_set_rsa_padding(long ctx, int pad);

    static native int EVP_PKEY_CTX_set_signature_md(long ctx, long md);

    static native int EVP_PKEY_CTX_set_rsa_pss_saltlen(long ctx, int saltlen);

    static native int EVP_PKEY_CTX_set_rsa_mgf1_md(long ctx, long md);

    static native int EVP_PKEY_CTX_set_rsa_oaep_md(long ctx, long md);

    /** Takes ownership of {@code label}, which must come from CRYPTO_malloc. */
    static native int EVP_PKEY_CTX_set0_rsa_oaep_label(long ctx, long label, int llen);

    static native int EVP_PKEY_CTX_set_rsa_keygen_bits(long ctx, int bits);

    static native int EVP_PKEY_CTX_set1_rsa_keygen_pubexp(long ctx, long pubexp);

    static native int EVP_PKEY_CTX_set_group_name(long ctx, String name);

    // ---- EC_GROUP / EC_POINT: ECDH must return y, which EVP_PKEY_derive does not ----
    static native long EC_GROUP_new_by_curve_name(int nid);

    static native long EC_POINT_new(long group);

    static native void EC_POINT_free(long point);

    static native void EC_POINT_clear_free(long point);

    static native int EC_POINT_set_affine_coordinates(long group, long point, long x, long y, long ctx);

    static native int EC_POINT_get_affine_coordinates(long group, long point, long x, long y, long ctx);

    static native int EC_POINT_is_on_curve(long group, long point, long ctx);

    static native int EC_POINT_is_at_infinity(long group, long point);

    static native int EC_POINT_mul(long group, long r, long gScalar, long q, long qScalar, long ctx);
}
