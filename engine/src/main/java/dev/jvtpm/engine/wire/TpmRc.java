package dev.jvtpm.engine.wire;

import java.util.HashMap;
import java.util.Map;

/**
 * TPM_RC response codes (Part 2 §6.6) and the one place where a code plus its handle, parameter
 * or session position becomes the 32-bit value on the wire.
 *
 * <p>Format-zero codes (bit 7 clear) carry no position. Format-one codes (bit 7 set) carry the
 * number of the handle (bits 10:8), parameter (P bit 0x040, bits 11:8) or session (S bit 0x800,
 * bits 10:8) they refer to.
 */
public final class TpmRc {
    private TpmRc() {}

    public static final int SUCCESS = 0x000;
    public static final int BAD_TAG = 0x01E;

    // Format-zero, version 1 errors (RC_VER1 = 0x100).
    public static final int INITIALIZE = 0x100;
    public static final int FAILURE = 0x101;
    public static final int SEQUENCE = 0x103;
    public static final int PRIVATE = 0x10B;
    public static final int HMAC = 0x119;
    public static final int DISABLED = 0x120;
    public static final int EXCLUSIVE = 0x121;
    public static final int AUTH_TYPE = 0x124;
    public static final int AUTH_MISSING = 0x125;
    public static final int POLICY = 0x126;
    public static final int PCR = 0x127;
    public static final int PCR_CHANGED = 0x128;
    public static final int UPGRADE = 0x12D;
    public static final int TOO_MANY_CONTEXTS = 0x12E;
    public static final int AUTH_UNAVAILABLE = 0x12F;
    public static final int REBOOT = 0x130;
    public static final int UNBALANCED = 0x131;
    public static final int COMMAND_SIZE = 0x142;
    public static final int COMMAND_CODE = 0x143;
    public static final int AUTHSIZE = 0x144;
    public static final int AUTH_CONTEXT = 0x145;
    public static final int NV_RANGE = 0x146;
    public static final int NV_SIZE = 0x147;
    public static final int NV_LOCKED = 0x148;
    public static final int NV_AUTHORIZATION = 0x149;
    public static final int NV_UNINITIALIZED = 0x14A;
    public static final int NV_SPACE = 0x14B;
    public static final int NV_DEFINED = 0x14C;
    public static final int BAD_CONTEXT = 0x150;
    public static final int CPHASH = 0x151;
    public static final int PARENT = 0x152;
    public static final int NEEDS_TEST = 0x153;
    public static final int NO_RESULT = 0x154;
    public static final int SENSITIVE = 0x155;

    // Format-one errors (RC_FMT1 = 0x080).
    public static final int ASYMMETRIC = 0x081;
    public static final int ATTRIBUTES = 0x082;
    public static final int HASH = 0x083;
    public static final int VALUE = 0x084;
    public static final int HIERARCHY = 0x085;
    public static final int KEY_SIZE = 0x087;
    public static final int MGF = 0x088;
    public static final int MODE = 0x089;
    public static final int TYPE = 0x08A;
    public static final int HANDLE = 0x08B;
    public static final int KDF = 0x08C;
    public static final int RANGE = 0x08D;
    public static final int AUTH_FAIL = 0x08E;
    public static final int NONCE = 0x08F;
    public static final int PP = 0x090;
    public static final int SCHEME = 0x092;
    public static final int SIZE = 0x095;
    public static final int SYMMETRIC = 0x096;
    public static final int TAG = 0x097;
    public static final int SELECTOR = 0x098;
    public static final int INSUFFICIENT = 0x09A;
    public static final int SIGNATURE = 0x09B;
    public static final int KEY = 0x09C;
    public static final int POLICY_FAIL = 0x09D;
    public static final int INTEGRITY = 0x09F;
    public static final int TICKET = 0x0A0;
    public static final int RESERVED_BITS = 0x0A1;
    public static final int BAD_AUTH = 0x0A2;
    public static final int EXPIRED = 0x0A3;
    public static final int POLICY_CC = 0x0A4;
    public static final int BINDING = 0x0A5;
    public static final int CURVE = 0x0A6;
    public static final int ECC_POINT = 0x0A7;

    // Warnings (RC_WARN = 0x900).
    public static final int CONTEXT_GAP = 0x901;
    public static final int OBJECT_MEMORY = 0x902;
    public static final int SESSION_MEMORY = 0x903;
    public static final int MEMORY = 0x904;
    public static final int SESSION_HANDLES = 0x905;
    public static final int OBJECT_HANDLES = 0x906;
    public static final int LOCALITY = 0x907;
    public static final int YIELDED = 0x908;
    public static final int CANCELED = 0x909;
    public static final int TESTING = 0x90A;
    public static final int REFERENCE_H0 = 0x910;
    public static final int REFERENCE_S0 = 0x918;
    public static final int NV_RATE = 0x920;
    public static final int LOCKOUT = 0x921;
    public static final int RETRY = 0x922;
    public static final int NV_UNAVAILABLE = 0x923;

    /** Position modifiers of format-one codes. */
    static final int RC_P = 0x040;
    static final int RC_S = 0x800;

    /** True for format-one codes, which carry a handle/parameter/session number. */
    public static boolean isFormatOne(int rc) {
        return (rc & 0x080) != 0;
    }

    /** The wire value of {@code base} at handle {@code n} (1..7). */
    public static int atHandle(int base, int n) {
        return isFormatOne(base) ? base | ((n & 7) << 8) : base;
    }

    /** The wire value of {@code base} at parameter {@code n} (1..15). */
    public static int atParameter(int base, int n) {
        return isFormatOne(base) ? base | RC_P | ((n & 0xF) << 8) : base;
    }

    /** The wire value of {@code base} at session {@code n} (1..7). */
    public static int atSession(int base, int n) {
        return isFormatOne(base) ? base | RC_S | ((n & 7) << 8) : base;
    }

    /** Strips the position from a wire value: the bare code a client would compare against. */
    public static int base(int wire) {
        if ((wire & 0x080) != 0) {
            return wire & 0x0BF;
        }
        return wire;
    }

    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        for (var f : TpmRc.class.getFields()) {
            if (f.getType() == int.class) {
                try {
                    NAMES.putIfAbsent(f.getInt(null), "TPM_RC_" + f.getName());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** A readable description such as {@code TPM_RC_VALUE (parameter 1)}. */
    public static String describe(int wire) {
        int base = base(wire);
        String name = NAMES.getOrDefault(base, String.format("0x%03X", base));
        if ((wire & 0x080) == 0 || base == wire) {
            return name;
        }
        int n = (wire >> 8) & 0xF;
        if ((wire & RC_P) != 0) {
            return name + " (parameter " + n + ")";
        }
        if ((wire & RC_S) != 0) {
            return name + " (session " + (n & 7) + ")";
        }
        return name + " (handle " + n + ")";
    }
}
