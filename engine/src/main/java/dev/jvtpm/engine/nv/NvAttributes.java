package dev.jvtpm.engine.nv;

/**
 * TPMA_NV (Part 2 §13.4) bits and the TPM_NT index types (§13.3) they carry in bits 7:4.
 */
public final class NvAttributes {
    private NvAttributes() {}

    public static final int PPWRITE = 1;
    public static final int OWNERWRITE = 1 << 1;
    public static final int AUTHWRITE = 1 << 2;
    public static final int POLICYWRITE = 1 << 3;
    public static final int TPM_NT_MASK = 0xF0;
    public static final int POLICY_DELETE = 1 << 10;
    public static final int WRITELOCKED = 1 << 11;
    public static final int WRITEALL = 1 << 12;
    public static final int WRITEDEFINE = 1 << 13;
    public static final int WRITE_STCLEAR = 1 << 14;
    public static final int GLOBALLOCK = 1 << 15;
    public static final int PPREAD = 1 << 16;
    public static final int OWNERREAD = 1 << 17;
    public static final int AUTHREAD = 1 << 18;
    public static final int POLICYREAD = 1 << 19;
    public static final int NO_DA = 1 << 25;
    public static final int ORDERLY = 1 << 26;
    public static final int CLEAR_STCLEAR = 1 << 27;
    public static final int READLOCKED = 1 << 28;
    public static final int WRITTEN = 1 << 29;
    public static final int PLATFORMCREATE = 1 << 30;
    public static final int READ_STCLEAR = 1 << 31;
    /** Bits 9:8 and 24:20 are reserved: TPM_RC_RESERVED_BITS when set. */
    public static final int RESERVED = 0x00000300 | 0x01F00000;

    // TPM_NT (Part 2 §13.3)
    public static final int NT_ORDINARY = 0x0;
    public static final int NT_COUNTER = 0x1;
    public static final int NT_BITS = 0x2;
    public static final int NT_EXTEND = 0x4;
    public static final int NT_PIN_FAIL = 0x8;
    public static final int NT_PIN_PASS = 0x9;

    /** The TPM_NT of {@code attributes}. */
    public static int type(int attributes) {
        return (attributes & TPM_NT_MASK) >>> 4;
    }

    public static boolean has(int attributes, int bit) {
        return (attributes & bit) != 0;
    }

    public static boolean isOrdinary(int attributes) {
        return type(attributes) == NT_ORDINARY;
    }

    public static boolean isCounter(int attributes) {
        return type(attributes) == NT_COUNTER;
    }

    public static boolean isBits(int attributes) {
        return type(attributes) == NT_BITS;
    }

    public static boolean isExtend(int attributes) {
        return type(attributes) == NT_EXTEND;
    }

    public static boolean isPinFail(int attributes) {
        return type(attributes) == NT_PIN_FAIL;
    }

    public static boolean isPinPass(int attributes) {
        return type(attributes) == NT_PIN_PASS;
    }

    public static boolean isPin(int attributes) {
        return isPinFail(attributes) || isPinPass(attributes);
    }
}
