package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EcdsaSignature;
import dev.jvtpm.engine.crypto.InvalidPointException;
import java.math.BigInteger;

/** A prepared EC private key: an EVP_PKEY for ECDSA plus the scalar as a constant-time BIGNUM for ECDH. */
final class OpenSslEccPrivateKey extends OpenSslEccPublicKey implements EccPrivateKey {
    private final OpenSslEcc family;

    OpenSslEccPrivateKey(OpenSslEcc family, NativeKey key, EcPoint point) {
        super(key, point);
        this.family = family;
    }

    @Override
    public EcdsaSignature signEcdsa(byte[] digest) {
        EccInputs.requireDigest(digest);
        long pkey = key.acquire();
        long ctx = 0;
        try {
            ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_pkey(0, pkey, null), "EVP_PKEY_CTX_new_from_pkey");
            OpenSslError.check(LibCrypto.EVP_PKEY_sign_init(ctx), "EVP_PKEY_sign_init");
            // DER of two INTEGERs of up to coordinateBytes + 1 bytes, with up to 3-byte headers.
            byte[] der = new byte[2 * curve().coordinateBytes() + 16];
            long[] len = {der.length};
            OpenSslError.check(LibCrypto.EVP_PKEY_sign(ctx, der, len, digest, digest.length), "EVP_PKEY_sign(ECDSA)");
            BigInteger[] rs = EcdsaDer.decode(der, (int) len[0]);
            return EcdsaSignature.of(curve(), rs[0], rs[1]);
        } finally {
            if (ctx != 0) {
                LibCrypto.EVP_PKEY_CTX_free(ctx);
            }
            key.release();
        }
    }

    @Override
    public EcPoint ecdh(EcPoint peer) throws InvalidPointException {
        EccInputs.requireSameCurve(curve(), peer);
        key.acquire();
        try {
            return family.multiply(curve(), key.scalar(), peer);
        } finally {
            key.release();
        }
    }

    @Override
    public void close() {
        key.close();
    }
}
