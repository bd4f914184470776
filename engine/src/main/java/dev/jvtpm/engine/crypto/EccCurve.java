package dev.jvtpm.engine.crypto;

import java.math.BigInteger;

/**
 * The ECC curves this TPM implements, with the domain parameters TPM2_ECC_Parameters returns
 * (SEC 2 / FIPS 186-4 D.1.2: y² = x³ + ax + b over GF(p), base point G of prime order n, cofactor h).
 */
public enum EccCurve {
    NIST_P256(0x0003, "secp256r1", "P-256",
            "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF",
            "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC",
            "5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B",
            "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296",
            "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5",
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"),
    NIST_P384(0x0004, "secp384r1", "P-384",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFC",
            "B3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF",
            "AA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7",
            "3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F",
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973"),
    NIST_P521(0x0005, "secp521r1", "P-521",
            "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
                    + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
            "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
                    + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC",
            "0051953EB9618E1C9A1F929A21A0B68540EEA2DA725B99B315F3B8B489918EF109"
                    + "E156193951EC7E937B1652C0BD3BB1BF073573DF883D2C34F1EF451FD46B503F00",
            "00C6858E06B70404E9CD9E3ECB662395B4429C648139053FB521F828AF606B4D3D"
                    + "BAA14B5E77EFE75928FE1DC127A2FFA8DE3348B3C1856A429BF97E7E31C2E5BD66",
            "011839296A789A3BC0045C8A5FB42C7D1BD998F54449579B446817AFBD17273E66"
                    + "2C97EE72995EF42640C550B9013FAD0761353C7086A272C24088BE94769FD16650",
            "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
                    + "FA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409");

    private final int tpmId;
    private final String secName;
    private final String nistName;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;
    private final BigInteger gx;
    private final BigInteger gy;
    private final BigInteger n;
    private final int coordinateBytes;

    EccCurve(int tpmId, String secName, String nistName, String p, String a, String b,
             String gx, String gy, String n) {
        this.tpmId = tpmId;
        this.secName = secName;
        this.nistName = nistName;
        this.p = new BigInteger(p, 16);
        this.a = new BigInteger(a, 16);
        this.b = new BigInteger(b, 16);
        this.gx = new BigInteger(gx, 16);
        this.gy = new BigInteger(gy, 16);
        this.n = new BigInteger(n, 16);
        this.coordinateBytes = (this.p.bitLength() + 7) / 8;
    }

    /** TPM_ECC_CURVE value (Part 2 §6.4). */
    public int tpmId() {
        return tpmId;
    }

    /** The SEC 2 name, which the JDK also uses ("secp256r1"). */
    public String secName() {
        return secName;
    }

    /** The FIPS 186 name, which OpenSSL 3 accepts as a group name ("P-256"). */
    public String nistName() {
        return nistName;
    }

    public BigInteger p() {
        return p;
    }

    public BigInteger a() {
        return a;
    }

    public BigInteger b() {
        return b;
    }

    public BigInteger gx() {
        return gx;
    }

    public BigInteger gy() {
        return gy;
    }

    /** The order of G. */
    public BigInteger n() {
        return n;
    }

    /** The cofactor; 1 for every curve here, so every point on the curve but infinity has order n. */
    public BigInteger h() {
        return BigInteger.ONE;
    }

    /** The fixed length of a coordinate, of a private scalar and of r and s: ceil(bits(p) / 8). */
    public int coordinateBytes() {
        return coordinateBytes;
    }

    /** The curve with this TPM_ECC_CURVE, or null. */
    public static EccCurve fromTpmId(int id) {
        for (EccCurve c : values()) {
            if (c.tpmId == id) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether (x, y) is a point of the curve: both coordinates in [0, p) and y² ≡ x³ + ax + b.
     * The point at infinity has no affine coordinates and so is never accepted.
     */
    public boolean contains(BigInteger x, BigInteger y) {
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        return lhs.equals(rhs);
    }

    /** Whether {@code d} is a valid private scalar: 1 ≤ d ≤ n - 1. */
    public boolean isValidScalar(BigInteger d) {
        return d.signum() > 0 && d.compareTo(n) < 0;
    }
}
