package dev.jvtpm.engine.types;

/** Handle types (TPM_HT, Part 2 §7.2) and permanent handles (TPM_RH/TPM_RS, §7.4). */
public final class TpmHandles {
    private TpmHandles() {}

    public static final int HT_PCR = 0x00;
    public static final int HT_NV_INDEX = 0x01;
    public static final int HT_HMAC_SESSION = 0x02;
    public static final int HT_LOADED_SESSION = 0x02;
    public static final int HT_POLICY_SESSION = 0x03;
    public static final int HT_SAVED_SESSION = 0x03;
    public static final int HT_PERMANENT = 0x40;
    public static final int HT_TRANSIENT = 0x80;
    public static final int HT_PERSISTENT = 0x81;

    public static final int RH_SRK = 0x40000000;
    public static final int RH_OWNER = 0x40000001;
    public static final int RH_REVOKE = 0x40000002;
    public static final int RH_TRANSPORT = 0x40000003;
    public static final int RH_OPERATOR = 0x40000004;
    public static final int RH_ADMIN = 0x40000005;
    public static final int RH_EK = 0x40000006;
    public static final int RH_NULL = 0x40000007;
    public static final int RH_UNASSIGNED = 0x40000008;
    public static final int RS_PW = 0x40000009;
    public static final int RH_LOCKOUT = 0x4000000A;
    public static final int RH_ENDORSEMENT = 0x4000000B;
    public static final int RH_PLATFORM = 0x4000000C;
    public static final int RH_PLATFORM_NV = 0x4000000D;

    public static final int PCR_FIRST = 0x00000000;
    public static final int NV_INDEX_FIRST = 0x01000000;
    public static final int NV_INDEX_LAST = 0x01FFFFFF;
    public static final int HMAC_SESSION_FIRST = 0x02000000;
    public static final int POLICY_SESSION_FIRST = 0x03000000;
    public static final int TRANSIENT_FIRST = 0x80000000;
    public static final int PERSISTENT_FIRST = 0x81000000;
    public static final int PERSISTENT_LAST = 0x81FFFFFF;
    public static final int PLATFORM_PERSISTENT = 0x81800000;

    public static int type(int handle) {
        return handle >>> 24;
    }
}
