package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.EccPoint;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The curve arithmetic the engine itself needs (deterministic key derivation, key validation),
 * done with BouncyCastle's EC math so that it never depends on a provider's internals. Immutable
 * and shared.
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

    /** [d]G as a TPMS_ECC_POINT with both coordinates padded to the curve's key size (libtpms BnPointTo2B). */
    public static EccPoint multiplyGenerator(EccCurve curve, BigInteger d) {
        ECPoint q = CURVES.get(curve).getG().multiply(d).normalize();
        return new EccPoint(
                toFixed(q.getAffineXCoord().toBigInteger(), curve.keyBytes()),
                toFixed(q.getAffineYCoord().toBigInteger(), curve.keyBytes()));
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
