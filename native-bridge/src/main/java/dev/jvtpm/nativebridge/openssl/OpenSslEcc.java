package dev.jvtpm.nativebridge.openssl;

import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.crypto.EccFamily;
import dev.jvtpm.engine.crypto.EccInputs;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.EccPublicKey;
import dev.jvtpm.engine.crypto.InvalidPointException;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;

/**
 * ECC on OpenSSL 3: EVP_PKEY for generation and ECDSA; EC_POINT arithmetic for public points and
 * ECDH, because a TPM returns the whole point Z and EVP_PKEY_derive yields only x(Z).
 * EC_POINT_mul with a single scalar runs OpenSSL's constant-time ladder (or, for P-256 on x86-64,
 * its constant-time nistz256 code).
 */
final class OpenSslEcc implements EccFamily {
    /** NID_X9_62_prime256v1, NID_secp384r1, NID_secp521r1 (openssl/obj_mac.h). */
    private static int nid(EccCurve c) {
        switch (c) {
            case NIST_P256: return 415;
            case NIST_P384: return 715;
            case NIST_P521: return 716;
            default: throw new IllegalArgumentException(c.name());
        }
    }

    /** EC_GROUPs live as long as the provider (they are shared read-only by every operation). */
    private final Map<EccCurve, Long> groups = new EnumMap<>(EccCurve.class);

    OpenSslEcc() {
        for (EccCurve c : EccCurve.values()) {
            groups.put(c, OpenSslError.check(LibCrypto.EC_GROUP_new_by_curve_name(nid(c)), "EC_GROUP_new_by_curve_name"));
        }
    }

    long group(EccCurve c) {
        return groups.get(c);
    }

    @Override
    public EccKeyPair generate(EccCurve curve) {
        long ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_name(0, "EC", null), "EVP_PKEY_CTX_new_from_name(EC)");
        long[] pkey = new long[1];
        long[] priv = new long[1];
        try {
            OpenSslError.check(LibCrypto.EVP_PKEY_keygen_init(ctx), "EVP_PKEY_keygen_init");
            OpenSslError.check(LibCrypto.EVP_PKEY_CTX_set_group_name(ctx, curve.nistName()), "set_group_name");
            OpenSslError.check(LibCrypto.EVP_PKEY_generate(ctx, pkey), "EVP_PKEY_generate(EC)");
            OpenSslError.check(LibCrypto.EVP_PKEY_get_bn_param(pkey[0], "priv", priv), "get_bn_param(priv)");
            byte[] pub = new byte[1 + 2 * curve.coordinateBytes()];
            long[] len = new long[1];
            OpenSslError.check(LibCrypto.EVP_PKEY_get_octet_string_param(pkey[0], "pub", pub, pub.length, len),
                    "get_octet_string_param(pub)");
            if (len[0] != pub.length) {
                throw new IllegalStateException("OpenSSL returned a compressed public point");
            }
            return EccKeyPair.of(Bignum.value(priv[0]), EcPoint.fromUncompressed(curve, pub));
        } finally {
            if (priv[0] != 0) {
                LibCrypto.BN_clear_free(priv[0]);
            }
            if (pkey[0] != 0) {
                LibCrypto.EVP_PKEY_free(pkey[0]);
            }
            LibCrypto.EVP_PKEY_CTX_free(ctx);
        }
    }

    @Override
    public EcPoint publicPoint(EccCurve curve, BigInteger d) {
        EccInputs.requireScalar(curve, d);
        long scalar = Bignum.of(d, true);
        try {
            return multiply(curve, scalar, null);
        } catch (InvalidPointException e) {
            throw new IllegalStateException(e);
        } finally {
            LibCrypto.BN_clear_free(scalar);
        }
    }

    /**
     * {@code scalar}·G, or {@code scalar}·{@code peer} after OpenSSL's on-curve check; coordinates
     * are range-checked here first because EC_POINT_set_affine_coordinates reduces them mod p.
     */
    EcPoint multiply(EccCurve curve, long scalar, EcPoint peer) throws InvalidPointException {
        long group = group(curve);
        long ctx = OpenSslError.check(LibCrypto.BN_CTX_new(), "BN_CTX_new");
        long q = 0;
        long r = 0;
        long x = 0;
        long y = 0;
        try {
            if (peer != null) {
                q = pointOf(group, peer, ctx);
                if (q == 0) {
                    throw new InvalidPointException("point is not on " + curve);
                }
            }
            r = OpenSslError.check(LibCrypto.EC_POINT_new(group), "EC_POINT_new");
            int rc = peer == null ? LibCrypto.EC_POINT_mul(group, r, scalar, 0, 0, ctx)
                    : LibCrypto.EC_POINT_mul(group, r, 0, q, scalar, ctx);
            OpenSslError.check(rc, "EC_POINT_mul");
            if (LibCrypto.EC_POINT_is_at_infinity(group, r) == 1) {
                throw new InvalidPointException("result is the point at infinity");
            }
            x = Bignum.of(BigInteger.ZERO, false);
            y = Bignum.of(BigInteger.ZERO, false);
            OpenSslError.check(LibCrypto.EC_POINT_get_affine_coordinates(group, r, x, y, ctx), "EC_POINT_get_affine_coordinates");
            int len = curve.coordinateBytes();
            return EcPoint.of(curve, Bignum.bytes(x, len), Bignum.bytes(y, len));
        } finally {
            if (x != 0) {
                LibCrypto.BN_clear_free(x);
            }
            if (y != 0) {
                LibCrypto.BN_clear_free(y);
            }
            if (r != 0) {
                LibCrypto.EC_POINT_clear_free(r);
            }
            if (q != 0) {
                LibCrypto.EC_POINT_free(q);
            }
            LibCrypto.BN_CTX_free(ctx);
        }
    }

    /** The point as an EC_POINT (caller frees), or 0 when it is off the curve or out of range. */
    private static long pointOf(long group, EcPoint p, long ctx) {
        BigInteger px = p.xInt();
        BigInteger py = p.yInt();
        if (px.compareTo(p.curve().p()) >= 0 || py.compareTo(p.curve().p()) >= 0) {
            return 0;
        }
        long x = Bignum.of(px, false);
        long y = Bignum.of(py, false);
        long pt = OpenSslError.check(LibCrypto.EC_POINT_new(group), "EC_POINT_new");
        try {
            // OpenSSL 3 refuses coordinates off the curve here; is_on_curve says so explicitly.
            if (LibCrypto.EC_POINT_set_affine_coordinates(group, pt, x, y, ctx) != 1
                    || LibCrypto.EC_POINT_is_on_curve(group, pt, ctx) != 1) {
                OpenSslError.clear();
                LibCrypto.EC_POINT_free(pt);
                return 0;
            }
            return pt;
        } finally {
            LibCrypto.BN_free(x);
            LibCrypto.BN_free(y);
        }
    }

    @Override
    public boolean isOnCurve(EcPoint point) {
        long ctx = OpenSslError.check(LibCrypto.BN_CTX_new(), "BN_CTX_new");
        try {
            long pt = pointOf(group(point.curve()), point, ctx);
            if (pt == 0) {
                return false;
            }
            LibCrypto.EC_POINT_free(pt);
            return true;
        } finally {
            LibCrypto.BN_CTX_free(ctx);
        }
    }

    @Override
    public EccPrivateKey prepare(EccKeyPair key) {
        long pkey;
        try (ParamBuilder p = new ParamBuilder()) {
            p.utf8("group", key.curve().nistName()).bn("priv", key.privateScalar(), true)
                    .octets("pub", key.publicPoint().uncompressed());
            pkey = fromData(p.build(), LibCrypto.EVP_PKEY_KEYPAIR);
        }
        long scalar = Bignum.of(key.privateScalar(), true);
        return new OpenSslEccPrivateKey(this, new NativeKey(pkey, scalar), key.publicPoint());
    }

    @Override
    public EccPublicKey publicKey(EcPoint q) throws InvalidPointException {
        if (!isOnCurve(q)) {
            throw new InvalidPointException("point is not on " + q.curve());
        }
        long pkey;
        try (ParamBuilder p = new ParamBuilder()) {
            p.utf8("group", q.curve().nistName()).octets("pub", q.uncompressed());
            pkey = fromData(p.build(), LibCrypto.EVP_PKEY_PUBLIC_KEY);
        }
        return new OpenSslEccPublicKey(new NativeKey(pkey, 0), q);
    }

    private static long fromData(long params, int selection) {
        long ctx = OpenSslError.check(LibCrypto.EVP_PKEY_CTX_new_from_name(0, "EC", null), "EVP_PKEY_CTX_new_from_name(EC)");
        try {
            OpenSslError.check(LibCrypto.EVP_PKEY_fromdata_init(ctx), "EVP_PKEY_fromdata_init");
            long[] pkey = new long[1];
            if (LibCrypto.EVP_PKEY_fromdata(ctx, pkey, selection, params) != 1) {
                throw new IllegalArgumentException("OpenSSL refused the EC key: " + OpenSslError.drain());
            }
            return pkey[0];
        } finally {
            LibCrypto.EVP_PKEY_CTX_free(ctx);
        }
    }
}
