package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;

/** An EC public key as an OpenSSL EVP_PKEY. */
class OpenSslEccPublicKey implements EccPublicKey {
    final NativeKey key;
    final EcPoint point;

    OpenSslEccPublicKey(NativeKey key, EcPoint point) {
        this.key = key;
        this.point = point;
    }

    @Override
    public EcPoint point() {
        return point;
    }

    @Override
    public boolean verifyEcdsa(byte[] digest, EcdsaSignature signature) {
        EccInputs.requireDigest(digest);
        if (!signature.inRange(curve())) {
            return false;
        }
        byte[] der = EcdsaDer.encode(signature.rInt(), signature.sInt());
        long pkey = key.acquire();
        long ctx = 0;
        try {
            ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_pkey(0, pkey, null), "EVP_PKEY_CTX_new_from_pkey");
            OpenSslError.check(LibCrypto.EVP_PKEY_verify_init(ctx), "EVP_PKEY_verify_init");
            int rc = LibCrypto.EVP_PKEY_verify(ctx, der, der.length, digest, digest.length);
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
}
