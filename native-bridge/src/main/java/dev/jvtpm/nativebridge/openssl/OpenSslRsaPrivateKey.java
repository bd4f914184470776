package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.EmsaPss;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.util.Arrays;
import javax.crypto.BadPaddingException;

/** A prepared RSA private key: an EVP_PKEY imported once with its CRT components. */
final class OpenSslRsaPrivateKey extends OpenSslRsaPublicKey implements RsaPrivateKey {
    OpenSslRsaPrivateKey(OpenSslRsa family, NativeKey key, BigInteger modulus, BigInteger exponent) {
        super(family, key, modulus, exponent);
    }

    @Override
    public byte[] signPkcs1(HashAlg hash, byte[] digest) {
        RsaInputs.requireDigest(hash, digest);
        return sign(LibCrypto.RSA_PKCS1_PADDING, hash, 0, digest);
    }

    @Override
    public byte[] signPss(HashAlg hash, byte[] digest) {
        RsaInputs.requireDigest(hash, digest);
        return sign(LibCrypto.RSA_PKCS1_PSS_PADDING, hash, EmsaPss.tpmSaltLength(hash, modulus().bitLength()), digest);
    }

    private byte[] sign(int padding, HashAlg hash, int salt, byte[] digest) {
        long pkey = key.acquire();
        long ctx = 0;
        try {
            ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_pkey(0, pkey, null), "EVP_PKEY_CTX_new_from_pkey");
            OpenSslError.check(LibCrypto.EVP_PKEY_sign_init(ctx), "EVP_PKEY_sign_init");
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_rsa_padding(ctx, padding), "set_rsa_padding");
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_signature_md(ctx, family.md(hash)), "set_signature_md");
            if (padding == LibCrypto.RSA_PKCS1_PSS_PADDING) {
                OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, salt), "set_rsa_pss_saltlen");
            }
            byte[] sig = new byte[modulusBytes()];
            long[] len = {sig.length};
            OpenSslError.check(LibCrypto.EVP_PKEY_sign(ctx, sig, len, digest, digest.length), "EVP_PKEY_sign(RSA)");
            return len[0] == sig.length ? sig : Arrays.copyOf(sig, (int) len[0]);
        } finally {
            if (ctx != 0) {
                LibCrypto.EVP_PKEY_CTX_free(ctx);
            }
            key.release();
        }
    }

    @Override
    public byte[] decryptOaep(HashAlg hash, byte[] label, byte[] ciphertext) throws BadPaddingException {
        RsaInputs.requireCiphertext(this, ciphertext);
        return refusedAsBadPadding(crypt(false, LibCrypto.RSA_PKCS1_OAEP_PADDING, hash, label, ciphertext), "OAEP");
    }

    @Override
    public byte[] decryptPkcs1(byte[] ciphertext) throws BadPaddingException {
        RsaInputs.requireCiphertext(this, ciphertext);
        return refusedAsBadPadding(crypt(false, LibCrypto.RSA_PKCS1_PADDING, null, null, ciphertext), "PKCS#1 v1.5");
    }

    @Override
    public byte[] decryptRaw(byte[] ciphertext) throws BadPaddingException {
        RsaInputs.requireCiphertext(this, ciphertext);
        return refusedAsBadPadding(crypt(false, LibCrypto.RSA_NO_PADDING, null, null, ciphertext), "raw RSA");
    }

    private static byte[] refusedAsBadPadding(byte[] out, String scheme) throws BadPaddingException {
        if (out == null) {
            throw new BadPaddingException(scheme + " decoding failed");
        }
        return out;
    }

    @Override
    public void close() {
        key.close();
    }
}
