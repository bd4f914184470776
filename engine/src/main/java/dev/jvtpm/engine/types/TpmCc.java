package dev.jvtpm.engine.types;

import java.util.HashMap;
import java.util.Map;

/** TPM_CC command codes (Part 2 §6.5.2), with their Part 3 names for logs and errors. */
public final class TpmCc {
    private TpmCc() {}

    public static final int NV_UNDEFINE_SPACE_SPECIAL = 0x11F;
    public static final int EVICT_CONTROL = 0x120;
    public static final int HIERARCHY_CONTROL = 0x121;
    public static final int NV_UNDEFINE_SPACE = 0x122;
    public static final int CHANGE_EPS = 0x124;
    public static final int CHANGE_PPS = 0x125;
    public static final int CLEAR = 0x126;
    public static final int CLEAR_CONTROL = 0x127;
    public static final int CLOCK_SET = 0x128;
    public static final int HIERARCHY_CHANGE_AUTH = 0x129;
    public static final int NV_DEFINE_SPACE = 0x12A;
    public static final int PCR_ALLOCATE = 0x12B;
    public static final int PCR_SET_AUTH_POLICY = 0x12C;
    public static final int PP_COMMANDS = 0x12D;
    public static final int SET_PRIMARY_POLICY = 0x12E;
    public static final int CLOCK_RATE_ADJUST = 0x130;
    public static final int CREATE_PRIMARY = 0x131;
    public static final int NV_GLOBAL_WRITE_LOCK = 0x132;
    public static final int GET_COMMAND_AUDIT_DIGEST = 0x133;
    public static final int NV_INCREMENT = 0x134;
    public static final int NV_SET_BITS = 0x135;
    public static final int NV_EXTEND = 0x136;
    public static final int NV_WRITE = 0x137;
    public static final int NV_WRITE_LOCK = 0x138;
    public static final int DICTIONARY_ATTACK_LOCK_RESET = 0x139;
    public static final int DICTIONARY_ATTACK_PARAMETERS = 0x13A;
    public static final int NV_CHANGE_AUTH = 0x13B;
    public static final int PCR_EVENT = 0x13C;
    public static final int PCR_RESET = 0x13D;
    public static final int SEQUENCE_COMPLETE = 0x13E;
    public static final int SET_ALGORITHM_SET = 0x13F;
    public static final int SET_COMMAND_CODE_AUDIT_STATUS = 0x140;
    public static final int INCREMENTAL_SELF_TEST = 0x142;
    public static final int SELF_TEST = 0x143;
    public static final int STARTUP = 0x144;
    public static final int SHUTDOWN = 0x145;
    public static final int STIR_RANDOM = 0x146;
    public static final int ACTIVATE_CREDENTIAL = 0x147;
    public static final int CERTIFY = 0x148;
    public static final int POLICY_NV = 0x149;
    public static final int CERTIFY_CREATION = 0x14A;
    public static final int DUPLICATE = 0x14B;
    public static final int GET_TIME = 0x14C;
    public static final int GET_SESSION_AUDIT_DIGEST = 0x14D;
    public static final int NV_READ = 0x14E;
    public static final int NV_READ_LOCK = 0x14F;
    public static final int OBJECT_CHANGE_AUTH = 0x150;
    public static final int POLICY_SECRET = 0x151;
    public static final int REWRAP = 0x152;
    public static final int CREATE = 0x153;
    public static final int ECDH_ZGEN = 0x154;
    public static final int HMAC = 0x155;
    public static final int IMPORT = 0x156;
    public static final int LOAD = 0x157;
    public static final int QUOTE = 0x158;
    public static final int RSA_DECRYPT = 0x159;
    public static final int HMAC_START = 0x15B;
    public static final int SEQUENCE_UPDATE = 0x15C;
    public static final int SIGN = 0x15D;
    public static final int UNSEAL = 0x15E;
    public static final int POLICY_SIGNED = 0x160;
    public static final int CONTEXT_LOAD = 0x161;
    public static final int CONTEXT_SAVE = 0x162;
    public static final int ECDH_KEYGEN = 0x163;
    public static final int ENCRYPT_DECRYPT = 0x164;
    public static final int FLUSH_CONTEXT = 0x165;
    public static final int LOAD_EXTERNAL = 0x167;
    public static final int MAKE_CREDENTIAL = 0x168;
    public static final int NV_READ_PUBLIC = 0x169;
    public static final int POLICY_AUTHORIZE = 0x16A;
    public static final int POLICY_AUTH_VALUE = 0x16B;
    public static final int POLICY_COMMAND_CODE = 0x16C;
    public static final int POLICY_COUNTER_TIMER = 0x16D;
    public static final int POLICY_CP_HASH = 0x16E;
    public static final int POLICY_LOCALITY = 0x16F;
    public static final int POLICY_NAME_HASH = 0x170;
    public static final int POLICY_OR = 0x171;
    public static final int POLICY_TICKET = 0x172;
    public static final int READ_PUBLIC = 0x173;
    public static final int RSA_ENCRYPT = 0x174;
    public static final int START_AUTH_SESSION = 0x176;
    public static final int VERIFY_SIGNATURE = 0x177;
    public static final int ECC_PARAMETERS = 0x178;
    public static final int FIRMWARE_READ = 0x179;
    public static final int GET_CAPABILITY = 0x17A;
    public static final int GET_RANDOM = 0x17B;
    public static final int GET_TEST_RESULT = 0x17C;
    public static final int HASH = 0x17D;
    public static final int PCR_READ = 0x17E;
    public static final int POLICY_PCR = 0x17F;
    public static final int POLICY_RESTART = 0x180;
    public static final int READ_CLOCK = 0x181;
    public static final int PCR_EXTEND = 0x182;
    public static final int PCR_SET_AUTH_VALUE = 0x183;
    public static final int NV_CERTIFY = 0x184;
    public static final int EVENT_SEQUENCE_COMPLETE = 0x185;
    public static final int HASH_SEQUENCE_START = 0x186;
    public static final int POLICY_PHYSICAL_PRESENCE = 0x187;
    public static final int POLICY_DUPLICATION_SELECT = 0x188;
    public static final int POLICY_GET_DIGEST = 0x189;
    public static final int TEST_PARMS = 0x18A;
    public static final int COMMIT = 0x18B;
    public static final int POLICY_PASSWORD = 0x18C;
    public static final int ZGEN_2PHASE = 0x18D;
    public static final int EC_EPHEMERAL = 0x18E;
    public static final int POLICY_NV_WRITTEN = 0x18F;
    public static final int POLICY_TEMPLATE = 0x190;
    public static final int CREATE_LOADED = 0x191;
    public static final int POLICY_AUTHORIZE_NV = 0x192;
    public static final int ENCRYPT_DECRYPT2 = 0x193;
    public static final int CERTIFY_X509 = 0x197;

    /** The first and last codes of the TPM_CC range, for capability paging. */
    public static final int FIRST = 0x11F;
    public static final int LAST = 0x19F;

    // Before NAMES: the static initializer below needs it.
    private static final java.util.Set<String> ACRONYMS =
            java.util.Set.of("NV", "PCR", "RSA", "ECDH", "ECC", "EC", "HMAC", "EPS", "PPS", "PP", "X509");

    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        for (var f : TpmCc.class.getFields()) {
            if (f.getType() == int.class && !f.getName().equals("FIRST") && !f.getName().equals("LAST")) {
                try {
                    NAMES.put(f.getInt(null), "TPM2_" + camel(f.getName()));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** PCR_EXTEND becomes PCR_Extend, CHANGE_EPS becomes ChangeEPS: Part 3's spelling, near enough for logs. */
    private static String camel(String constant) {
        String[] parts = constant.split("_");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (ACRONYMS.contains(part)) {
                sb.append(part);
                if (i == 0 && parts.length > 1) {
                    sb.append('_');
                }
            } else {
                sb.append(part.charAt(0)).append(part.substring(1).toLowerCase());
            }
        }
        return sb.toString();
    }

    /** "TPM2_PCR_Extend" for 0x182, or the hex code when unknown. */
    public static String name(int cc) {
        String n = NAMES.get(cc);
        return n != null ? n : String.format("TPM_CC 0x%08X", cc);
    }
}
