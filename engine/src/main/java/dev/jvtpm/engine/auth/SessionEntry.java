package dev.jvtpm.engine.auth;

/** One session of a command's authorization area (TPMS_AUTH_COMMAND, Part 2 §10.13.2). */
public record SessionEntry(int handle, byte[] nonceCaller, int attributes, byte[] hmac) {
    public static final int CONTINUE_SESSION = 0x01;
    public static final int AUDIT_EXCLUSIVE = 0x02;
    public static final int AUDIT_RESET = 0x04;
    /** Bits 3 and 4 of TPMA_SESSION are reserved: TPM_RC_RESERVED_BITS when set. */
    public static final int RESERVED = 0x18;
    public static final int DECRYPT = 0x20;
    public static final int ENCRYPT = 0x40;
    public static final int AUDIT = 0x80;

    public boolean has(int attribute) {
        return (attributes & attribute) != 0;
    }
}
