package dev.jvtpm.daemon.mssim;

/**
 * Command numbers of the Microsoft TPM simulator's TCP protocol (ms-tpm-20-ref TpmTcpProtocol.h),
 * spoken by tpm2-tss tcti-mssim, IBM TSS "socsim", go-tpm and TSS.Java.
 */
final class MssimProtocol {
    static final int POWER_ON = 1;
    static final int POWER_OFF = 2;
    static final int PHYS_PRES_ON = 3;
    static final int PHYS_PRES_OFF = 4;
    static final int HASH_START = 5;
    static final int HASH_DATA = 6;
    static final int HASH_END = 7;
    static final int SEND_COMMAND = 8;
    static final int CANCEL_ON = 9;
    static final int CANCEL_OFF = 10;
    static final int NV_ON = 11;
    static final int NV_OFF = 12;
    static final int KEY_CACHE_ON = 13;
    static final int KEY_CACHE_OFF = 14;
    static final int REMOTE_HANDSHAKE = 15;
    static final int SET_ALTERNATIVE_RESULT = 16;
    static final int RESET = 17;
    static final int RESTART = 18;
    static final int SESSION_END = 20;
    static final int STOP = 21;
    static final int GET_COMMAND_RESPONSE_SIZES = 25;
    static final int ACT_GET_SIGNALED = 26;

    /** Protocol version the server reports in REMOTE_HANDSHAKE. */
    static final int SERVER_VERSION = 1;
    /** tpmPlatformAvailable (1) | tpmInRawMode (4) | tpmSupportsPP (8). */
    static final int SERVER_FLAGS = 0x0D;
    /** The reference's MAX_BUFFER: larger variable-length payloads end the connection. */
    static final int MAX_BUFFER = 1 << 20;

    private MssimProtocol() {}
}
