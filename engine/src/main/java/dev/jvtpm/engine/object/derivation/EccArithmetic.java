package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.EccPoint;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * The curve arithmetic the engine itself needs for deterministic key derivation and key
 * validation: curve orders and the curve equation from BouncyCastle's curve tables, public points
 * through the provider chain. Immutable and shared.
 */
public final class EccArithmetic {
    private static final Map<EccCurve, X9ECParameters> CURVES = new EnumMap<>(EccCurve.class);

    static {
        for (EccCurve c : EccCurve.values()) {
            CURVES.put(c, CustomNamedCurves.getByName(c.secName()));
        }
    }

    private EccArithmetic() {}

    public static BigInteger order(EccCurve curve) {
        return CURVES.get(curve).getN();
    }

    /**
     * [d]G through the provider chain's ECC family (OpenSSL where present: a fixed-base
     * multiplication there costs a few microseconds, BouncyCastle's here hundreds), as a
     * TPMS_ECC_POINT with both coordinates padded to the curve's key size. Every provider gives
     * the same point (the chain's cross-provider tests hold them to it).
     */
    public static EccPoint publicPoint(CryptoSuite suite, EccCurve curve, BigInteger d) {
        EcPoint q = suite.ecc().publicPoint(dev.jvtpm.engine.crypto.EccCurve.fromTpmId(curve.id()), d);
        return new EccPoint(toFixed(q.xInt(), curve.keyBytes()), toFixed(q.yInt(), curve.keyBytes()));
    }

    /**
     * y² ≡ x³ + ax + b (mod p) with the coordinates taken as given, not reduced first: libtpms
     * BnIsOnCurve computes both sides modulo p, so it accepts coordinates ≥ p that are congruent.
     */
    public static boolean isOnCurve(EccCurve curve, EccPoint point) {
        X9ECParameters params = CURVES.get(curve);
        BigInteger p = params.getCurve().getField().getCharacteristic();
        BigInteger a = params.getCurve().getA().toBigInteger();
        BigInteger b = params.getCurve().getB().toBigInteger();
        BigInteger x = new BigInteger(1, point.x());
        BigInteger y = new BigInteger(1, point.y());
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        return left.equals(right);
    }

    /** Big-endian, left-padded (or stripped of leading zeros) to exactly {@code size} bytes; the value must fit. */
    public static byte[] toFixed(BigInteger v, int size) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return out;
    }
}
