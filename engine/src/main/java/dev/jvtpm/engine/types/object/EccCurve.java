package dev.jvtpm.engine.types.object;

/**
 * The TPM_ECC_CURVE values (Part 2 §6.4) this TPM implements. libtpms also implements NIST
 * P-192/P-224, BN P-256/P-638 and SM2 P-256; a TPM without them answers TPM_RC_CURVE for those,
 * and so does this one.
 */
public enum EccCurve {
    NIST_P256(0x0003, 256, "secp256r1"),
    NIST_P384(0x0004, 384, "secp384r1"),
    NIST_P521(0x0005, 521, "secp521r1");

    public static final int NONE = 0x0000;
    public static final int NIST_P192 = 0x0001;
    public static final int NIST_P224 = 0x0002;
    public static final int BN_P256 = 0x0010;
    public static final int BN_P638 = 0x0011;
    public static final int SM2_P256 = 0x0020;

    private final int id;
    private final int keyBits;
    private final String secName;

    EccCurve(int id, int keyBits, String secName) {
        this.id = id;
        this.keyBits = keyBits;
        this.secName = secName;
    }

    public int id() {
        return id;
    }

    public int keyBits() {
        return keyBits;
    }

    /** Bytes of a coordinate or scalar: CryptEccGetKeySizeForCurve rounded up to bytes. */
    public int keyBytes() {
        return (keyBits + 7) / 8;
    }

    /** The SEC 2 name, for looking the domain parameters up in a math library. */
    public String secName() {
        return secName;
    }

    /** The implemented curve with this id, or null. */
    public static EccCurve fromId(int id) {
        for (EccCurve c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }
}
