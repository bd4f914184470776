package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.util.Arrays;

/** An RSA public key as an OpenSSL EVP_PKEY; each operation uses a fresh EVP_PKEY_CTX. */
class OpenSslRsaPublicKey implements RsaPublicKey {
    final OpenSslRsa family;
    final NativeKey key;
    private final BigInteger modulus;
    private final BigInteger exponent;
    private final int modulusBytes;

    OpenSslRsaPublicKey(OpenSslRsa family, NativeKey key, BigInteger modulus, BigInteger exponent) {
        this.family = family;
        this.key = key;
        this.modulus = modulus;
        this.exponent = exponent;
        this.modulusBytes = (modulus.bitLength() + 7) / 8;
    }

    @Override
    public BigInteger modulus() {
        return modulus;
    }

    @Override
    public BigInteger publicExponent() {
        return exponent;
    }

    @Override
    public int modulusBytes() {
        return modulusBytes;
    }

    @Override
    public boolean verifyPkcs1(HashAlg hash, byte[] digest, byte[] signature) {
        if (digest == null || digest.length != hash.digestSize() || !RsaInputs.isSignatureRepresentative(this, signature)) {
            return false;
        }
        return verify(LibCrypto.RSA_PKCS1_PADDING, hash, 0, digest, signature);
    }

    @Override
    public boolean verifyPss(HashAlg hash, byte[] digest, byte[] signature, int saltLength) {
        if (digest == null || digest.length != hash.digestSize() || !RsaInputs.isSignatureRepresentative(this, signature)
                || (saltLength < 0 && saltLength != PSS_ANY_SALT)) {
            return false;
        }
        int salt = saltLength == PSS_ANY_SALT ? LibCrypto.RSA_PSS_SALTLEN_AUTO : saltLength;
        return verify(LibCrypto.RSA_PKCS1_PSS_PADDING, hash, salt, digest, signature);
    }

    private boolean verify(int padding, HashAlg hash, int salt, byte[] digest, byte[] signature) {
        long pkey = key.acquire();
        long ctx = 0;
        try {
            ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_pkey(0, pkey, null), "EVP_PKEY_CTX_new_from_pkey");
            OpenSslError.check(LibCrypto.EVP_PKEY_verify_init(ctx), "EVP_PKEY_verify_init");
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_rsa_padding(ctx, padding), "set_rsa_padding");
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_signature_md(ctx, family.md(hash)), "set_signature_md");
            if (padding == LibCrypto.RSA_PKCS1_PSS_PADDING
                    && LibCrypto.EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, salt) != 1) {
                OpenSslError.clear();
                return false;
            }
            int rc = LibCrypto.EVP_PKEY_verify(ctx, signature, signature.length, digest, digest.length);
            if (rc != 1) {
                OpenSslError.clear();
            }
            return rc == 1;
        } finally {
            if (ctx != 0) {
                LibCrypto.EVP_PKEY_CTX_free(ctx);
            }
            key.release();
        }
    }

    @Override
    public byte[] encryptOaep(HashAlg hash, byte[] label, byte[] message) {
        RsaInputs.requireOaepMessage(this, hash, message);
        return crypt(true, LibCrypto.RSA_PKCS1_OAEP_PADDING, hash, label, message);
    }

    @Override
    public byte[] encryptPkcs1(byte[] message) {
        RsaInputs.requirePkcs1Message(this, message);
        return crypt(true, LibCrypto.RSA_PKCS1_PADDING, null, null, message);
    }

    @Override
    public byte[] encryptRaw(byte[] message) {
        return crypt(true, LibCrypto.RSA_NO_PADDING, null, null, RsaInputs.rawMessage(this, message));
    }

    /**
     * One EVP_PKEY_encrypt or _decrypt with the padding set up; null when decryption is refused
     * (bad padding), which only decryption can be.
     */
    byte[] crypt(boolean encrypt, int padding, HashAlg hash, byte[] label, byte[] input) {
        long pkey = key.acquire();
        long ctx = 0;
        try {
            ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_pkey(0, pkey, null), "EVP_PKEY_CTX_new_from_pkey");
            OpenSslError.check(encrypt ? LibCrypto.EVP_PKEY_encrypt_init(ctx) : LibCrypto.EVP_PKEY_decrypt_init(ctx),
                    "EVP_PKEY_crypt_init");
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_rsa_padding(ctx, padding), "set_rsa_padding");
            if (padding == LibCrypto.RSA_PKCS1_OAEP_PADDING) {
                OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_rsa_oaep_md(ctx, family.md(hash)), "set_rsa_oaep_md");
                OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, family.md(hash)), "set_rsa_mgf1_md");
                setLabel(ctx, label);
            }
            if (!encrypt && padding == LibCrypto.RSA_PKCS1_PADDING && family.hasImplicitRejection()) {
                // A TPM reports bad padding (TPM_RC_VALUE); it does not invent a plaintext.
                OpenSslError.check(LibCrypto.EVP_PKEY_CTX_ctrl_str(ctx, "rsa_pkcs1_implicit_rejection", "0"),
                        "disable implicit rejection");
            }
            byte[] out = new byte[modulusBytes];
            long[] outLen = {out.length};
            int rc = encrypt ? LibCrypto.EVP_PKEY_encrypt(ctx, out, outLen, input, input.length)
                    : LibCrypto.EVP_PKEY_decrypt(ctx, out, outLen, input, input.length);
            if (rc != 1) {
                if (encrypt) {
                    throw OpenSslError.failure("RSA encryption");
                }
                OpenSslError.clear();
                return null;
            }
            return outLen[0] == out.length ? out : Arrays.copyOf(out, (int) outLen[0]);
        } finally {
            if (ctx != 0) {
                LibCrypto.EVP_PKEY_CTX_free(ctx);
            }
            key.release();
        }
    }

    /** set0 takes ownership of an OPENSSL_malloc'd copy; an empty label is none at all. */
    private static void setLabel(long ctx, byte[] label) {
        if (label == null || label.length == 0) {
            return;
        }
        long mem = OpenSslError.check(LibCrypto.CRYPTO_malloc(label.length, "jvtpm", 0), "CRYPTO_malloc");
        new com.sun.jna.Pointer(mem).write(0, label, 0, label.length);
        if (LibCrypto.EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, mem, label.length) != 1) {
            LibCrypto.CRYPTO_free(mem, "jvtpm", 0);
            throw OpenSslError.failure("set0_rsa_oaep_label");
        }
    }
}
