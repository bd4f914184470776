package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.RsaFamily;
import dev.jvtpm.engine.crypto.RsaInputs;
import dev.jvtpm.engine.crypto.RsaKeyComponents;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.types.HashAlg;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;

/** RSA on OpenSSL 3's EVP_PKEY API (default provider: constant-time, blinded private operations). */
final class OpenSslRsa implements RsaFamily {
    private final Map<HashAlg, Long> digests = new EnumMap<>(HashAlg.class);
    /** OpenSSL ≥ 3.2 answers bad PKCS#1 v1.5 padding with a random message unless told not to. */
    private final boolean hasImplicitRejection;

    OpenSslRsa() {
        for (HashAlg h : HashAlg.values()) {
            digests.put(h, OpenSslError.check(LibCrypto.EVP_get_digestbyname(h.name()), "EVP_get_digestbyname(" + h + ")"));
        }
        long v = LibCrypto.OpenSSL_version_num();
        hasImplicitRejection = ((v >>> 20) & 0xFF) >= 2;
    }

    long md(HashAlg h) {
        return digests.get(h);
    }

    boolean hasImplicitRejection() {
        return hasImplicitRejection;
    }

    @Override
    public RsaKeyComponents generate(int bits, BigInteger publicExponent) {
        RsaInputs.requireGenerationParameters(bits, publicExponent);
        long ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_name(0, "RSA", null), "EVP_PKEY_CTX_new_from_name(RSA)");
        long e = 0;
        long[] pkey = new long[1];
        try {
            OpenSslError.check(LibCrypto.EVP_PKEY_keygen_init(ctx), "EVP_PKEY_keygen_init");
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits), "set_rsa_keygen_bits");
            e = Bignum.of(publicExponent, false);
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, e), "set1_rsa_keygen_pubexp");
            OpenSslError.check(LibCrypto.EVP_PKEY_generate(ctx, pkey), "EVP_PKEY_generate(RSA)");
            return RsaKeyComponents.of(publicExponent, bnParam(pkey[0], "rsa-factor1"), bnParam(pkey[0], "rsa-factor2"));
        } finally {
            if (pkey[0] != 0) {
                LibCrypto.EVP_PKEY_free(pkey[0]);
            }
            if (e != 0) {
                LibCrypto.BN_free(e);
            }
            LibCrypto.EVP_PKEY_CTX_free(ctx);
        }
    }

    private static BigInteger bnParam(long pkey, String name) {
        long[] bn = new long[1];
        OpenSslError.check(LibCrypto.EVP_PKEY_get_bn_param(pkey, name, bn), "EVP_PKEY_get_bn_param(" + name + ")");
        try {
            return Bignum.value(bn[0]);
        } finally {
            LibCrypto.BN_clear_free(bn[0]);
        }
    }

    @Override
    public RsaPrivateKey prepare(RsaKeyComponents k) {
        try (ParamBuilder p = new ParamBuilder()) {
            p.bn("n", k.modulus(), false).bn("e", k.publicExponent(), false).bn("d", k.privateExponent(), true)
                    .bn("rsa-factor1", k.p(), true).bn("rsa-factor2", k.q(), true)
                    .bn("rsa-exponent1", k.dP(), true).bn("rsa-exponent2", k.dQ(), true)
                    .bn("rsa-coefficient1", k.qInv(), true);
            long pkey = fromData(p.build(), LibCrypto.EVP_PKEY_KEYPAIR);
            return new OpenSslRsaPrivateKey(this, new NativeKey(pkey, 0), k.modulus(), k.publicExponent());
        }
    }

    @Override
    public RsaPublicKey publicKey(BigInteger modulus, BigInteger publicExponent) {
        RsaInputs.requirePublicKey(modulus, publicExponent);
        try (ParamBuilder p = new ParamBuilder()) {
            p.bn("n", modulus, false).bn("e", publicExponent, false);
            long pkey = fromData(p.build(), LibCrypto.EVP_PKEY_PUBLIC_KEY);
            return new OpenSslRsaPublicKey(this, new NativeKey(pkey, 0), modulus, publicExponent);
        }
    }

    private static long fromData(long params, int selection) {
        long ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_name(0, "RSA", null), "EVP_PKEY_CTX_new_from_name(RSA)");
        try {
            OpenSslError.check(LibCrypto.EVP_PKEY_fromdata_init(ctx), "EVP_PKEY_fromdata_init");
            long[] pkey = new long[1];
            if (LibCrypto.EVP_PKEY_fromdata(ctx, pkey, selection, params) != 1) {
                throw new IllegalArgumentException("OpenSSL refused the RSA key: " + OpenSslError.drain());
            }
            return pkey[0];
        } finally {
            LibCrypto.EVP_PKEY_CTX_free(ctx);
        }
    }
}
