package dev.jvtpm.engine.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ECDSA signature (r, s) as big-endian unsigned integers. Signing produces both exactly
 * {@link EccCurve#coordinateBytes()} long; verification accepts any length and rejects values
 * outside [1, n-1].
 */
public final class EcdsaSignature {
    private final byte[] r;
    private final byte[] s;

    private EcdsaSignature(byte[] r, byte[] s) {
        this.r = r;
        this.s = s;
    }

    public static EcdsaSignature of(byte[] r, byte[] s) {
        return new EcdsaSignature(r.clone(), s.clone());
    }

    /** (r, s) each as exactly the curve's coordinate length. */
    public static EcdsaSignature of(EccCurve curve, BigInteger r, BigInteger s) {
        return new EcdsaSignature(Octets.i2osp(r, curve.coordinateBytes()), Octets.i2osp(s, curve.coordinateBytes()));
    }

    /** IEEE P1363 r ‖ s, each half the input. */
    public static EcdsaSignature fromP1363(byte[] rs) {
        if (rs.length == 0 || rs.length % 2 != 0) {
            throw new IllegalArgumentException("P1363 signature must have an even, non-zero length");
        }
        int half = rs.length / 2;
        return new EcdsaSignature(Arrays.copyOfRange(rs, 0, half), Arrays.copyOfRange(rs, half, rs.length));
    }

    public byte[] r() {
        return r.clone();
    }

    public byte[] s() {
        return s.clone();
    }

    public BigInteger rInt() {
        return new BigInteger(1, r);
    }

    public BigInteger sInt() {
        return new BigInteger(1, s);
    }

    /** Whether r and s are both in [1, n-1] (SEC 1 §4.1.4 step 1). */
    public boolean inRange(EccCurve curve) {
        return curve.isValidScalar(rInt()) && curve.isValidScalar(sInt());
    }

    /** r ‖ s with each padded to the curve's coordinate length. */
    public byte[] toP1363(EccCurve curve) {
        int len = curve.coordinateBytes();
        byte[] out = new byte[2 * len];
        System.arraycopy(Octets.fit(r, len), 0, out, 0, len);
        System.arraycopy(Octets.fit(s, len), 0, out, len, len);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcdsaSignature && rInt().equals(((EcdsaSignature) o).rInt())
                && sInt().equals(((EcdsaSignature) o).sInt());
    }

    @Override
    public int hashCode() {
        return 31 * rInt().hashCode() + sInt().hashCode();
    }

    @Override
    public String toString() {
        return "EcdsaSignature(r=" + HexFormat.of().formatHex(r) + ", s=" + HexFormat.of().formatHex(s) + ")";
    }
}
