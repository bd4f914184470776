package dev.jvtpm.engine.types;

/** TPM_PT property tags (Part 2 §6.13) and TPM_PT_PCR tags (§6.14). */
public final class TpmPt {
    private TpmPt() {}

    public static final int PT_FIXED = 0x100;
    public static final int FAMILY_INDICATOR = PT_FIXED;
    public static final int LEVEL = PT_FIXED + 1;
    public static final int REVISION = PT_FIXED + 2;
    public static final int DAY_OF_YEAR = PT_FIXED + 3;
    public static final int YEAR = PT_FIXED + 4;
    public static final int MANUFACTURER = PT_FIXED + 5;
    public static final int VENDOR_STRING_1 = PT_FIXED + 6;
    public static final int VENDOR_STRING_2 = PT_FIXED + 7;
    public static final int VENDOR_STRING_3 = PT_FIXED + 8;
    public static final int VENDOR_STRING_4 = PT_FIXED + 9;
    public static final int VENDOR_TPM_TYPE = PT_FIXED + 10;
    public static final int FIRMWARE_VERSION_1 = PT_FIXED + 11;
    public static final int FIRMWARE_VERSION_2 = PT_FIXED + 12;
    public static final int INPUT_BUFFER = PT_FIXED + 13;
    public static final int HR_TRANSIENT_MIN = PT_FIXED + 14;
    public static final int HR_PERSISTENT_MIN = PT_FIXED + 15;
    public static final int HR_LOADED_MIN = PT_FIXED + 16;
    public static final int ACTIVE_SESSIONS_MAX = PT_FIXED + 17;
    public static final int PCR_COUNT = PT_FIXED + 18;
    public static final int PCR_SELECT_MIN = PT_FIXED + 19;
    public static final int CONTEXT_GAP_MAX = PT_FIXED + 20;
    public static final int NV_COUNTERS_MAX = PT_FIXED + 22;
    public static final int NV_INDEX_MAX = PT_FIXED + 23;
    public static final int MEMORY = PT_FIXED + 24;
    public static final int CLOCK_UPDATE = PT_FIXED + 25;
    public static final int CONTEXT_HASH = PT_FIXED + 26;
    public static final int CONTEXT_SYM = PT_FIXED + 27;
    public static final int CONTEXT_SYM_SIZE = PT_FIXED + 28;
    public static final int ORDERLY_COUNT = PT_FIXED + 29;
    public static final int MAX_COMMAND_SIZE = PT_FIXED + 30;
    public static final int MAX_RESPONSE_SIZE = PT_FIXED + 31;
    public static final int MAX_DIGEST = PT_FIXED + 32;
    public static final int MAX_OBJECT_CONTEXT = PT_FIXED + 33;
    public static final int MAX_SESSION_CONTEXT = PT_FIXED + 34;
    public static final int PS_FAMILY_INDICATOR = PT_FIXED + 35;
    public static final int PS_LEVEL = PT_FIXED + 36;
    public static final int PS_REVISION = PT_FIXED + 37;
    public static final int PS_DAY_OF_YEAR = PT_FIXED + 38;
    public static final int PS_YEAR = PT_FIXED + 39;
    public static final int SPLIT_MAX = PT_FIXED + 40;
    public static final int TOTAL_COMMANDS = PT_FIXED + 41;
    public static final int LIBRARY_COMMANDS = PT_FIXED + 42;
    public static final int VENDOR_COMMANDS = PT_FIXED + 43;
    public static final int NV_BUFFER_MAX = PT_FIXED + 44;
    public static final int MODES = PT_FIXED + 45;
    public static final int MAX_CAP_BUFFER = PT_FIXED + 46;
    /** Last fixed property this TPM reports. */
    public static final int FIXED_LAST = MAX_CAP_BUFFER;

    public static final int PT_VAR = 0x200;
    public static final int PERMANENT = PT_VAR;
    public static final int STARTUP_CLEAR = PT_VAR + 1;
    public static final int HR_NV_INDEX = PT_VAR + 2;
    public static final int HR_LOADED = PT_VAR + 3;
    public static final int HR_LOADED_AVAIL = PT_VAR + 4;
    public static final int HR_ACTIVE = PT_VAR + 5;
    public static final int HR_ACTIVE_AVAIL = PT_VAR + 6;
    public static final int HR_TRANSIENT_AVAIL = PT_VAR + 7;
    public static final int HR_PERSISTENT = PT_VAR + 8;
    public static final int HR_PERSISTENT_AVAIL = PT_VAR + 9;
    public static final int NV_COUNTERS = PT_VAR + 10;
    public static final int NV_COUNTERS_AVAIL = PT_VAR + 11;
    public static final int ALGORITHM_SET = PT_VAR + 12;
    public static final int LOADED_CURVES = PT_VAR + 13;
    public static final int LOCKOUT_COUNTER = PT_VAR + 14;
    public static final int MAX_AUTH_FAIL = PT_VAR + 15;
    public static final int LOCKOUT_INTERVAL = PT_VAR + 16;
    public static final int LOCKOUT_RECOVERY = PT_VAR + 17;
    public static final int NV_WRITE_RECOVERY = PT_VAR + 18;
    public static final int AUDIT_COUNTER_0 = PT_VAR + 19;
    public static final int AUDIT_COUNTER_1 = PT_VAR + 20;
    /** Last variable property this TPM reports. */
    public static final int VAR_LAST = AUDIT_COUNTER_1;

    // TPM_PT_PCR (Part 2 §6.14)
    public static final int PCR_SAVE = 0x00;
    public static final int PCR_EXTEND_L0 = 0x01;
    public static final int PCR_RESET_L0 = 0x02;
    public static final int PCR_EXTEND_L1 = 0x03;
    public static final int PCR_RESET_L1 = 0x04;
    public static final int PCR_EXTEND_L2 = 0x05;
    public static final int PCR_RESET_L2 = 0x06;
    public static final int PCR_EXTEND_L3 = 0x07;
    public static final int PCR_RESET_L3 = 0x08;
    public static final int PCR_EXTEND_L4 = 0x09;
    public static final int PCR_RESET_L4 = 0x0A;
    public static final int PCR_NO_INCREMENT = 0x11;
    public static final int PCR_DRTM_RESET = 0x12;
    public static final int PCR_POLICY = 0x13;
    public static final int PCR_AUTH = 0x14;
    public static final int PCR_LAST = PCR_AUTH;
}
