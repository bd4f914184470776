package dev.jvtpm.engine.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An affine point of a curve, coordinates as big-endian unsigned integers of exactly
 * {@link EccCurve#coordinateBytes()} (what TPMS_ECC_POINT carries once padded). Constructing one
 * does not check that it lies on the curve: that is {@link EccFamily#isOnCurve}'s job.
 */
public final class EcPoint {
    private final EccCurve curve;
    private final byte[] x;
    private final byte[] y;

    private EcPoint(EccCurve curve, byte[] x, byte[] y) {
        this.curve = curve;
        this.x = x;
        this.y = y;
    }

    /**
     * A point from coordinates of any length; shorter ones are left-padded.
     *
     * @throws IllegalArgumentException when a coordinate needs more than coordinateBytes bytes
     */
    public static EcPoint of(EccCurve curve, byte[] x, byte[] y) {
        int len = curve.coordinateBytes();
        return new EcPoint(curve, Octets.fit(x, len).clone(), Octets.fit(y, len).clone());
    }

    public static EcPoint of(EccCurve curve, BigInteger x, BigInteger y) {
        int len = curve.coordinateBytes();
        return new EcPoint(curve, Octets.i2osp(x, len), Octets.i2osp(y, len));
    }

    /** The SEC 1 uncompressed encoding 04 ‖ x ‖ y. */
    public static EcPoint fromUncompressed(EccCurve curve, byte[] encoded) {
        int len = curve.coordinateBytes();
        if (encoded.length != 1 + 2 * len || encoded[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed " + curve + " point");
        }
        return new EcPoint(curve, Arrays.copyOfRange(encoded, 1, 1 + len), Arrays.copyOfRange(encoded, 1 + len, 1 + 2 * len));
    }

    public EccCurve curve() {
        return curve;
    }

    /** x, exactly coordinateBytes long. */
    public byte[] x() {
        return x.clone();
    }

    /** y, exactly coordinateBytes long. */
    public byte[] y() {
        return y.clone();
    }

    public BigInteger xInt() {
        return new BigInteger(1, x);
    }

    public BigInteger yInt() {
        return new BigInteger(1, y);
    }

    /** 04 ‖ x ‖ y. */
    public byte[] uncompressed() {
        byte[] out = new byte[1 + x.length + y.length];
        out[0] = 0x04;
        System.arraycopy(x, 0, out, 1, x.length);
        System.arraycopy(y, 0, out, 1 + x.length, y.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcPoint && ((EcPoint) o).curve == curve && Arrays.equals(((EcPoint) o).x, x)
                && Arrays.equals(((EcPoint) o).y, y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * curve.hashCode() + Arrays.hashCode(x)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return curve + "(" + HexFormat.of().formatHex(x) + ", " + HexFormat.of().formatHex(y) + ")";
    }
}
