package dev.jvtpm.daemon.ctrl;

/**
 * swtpm's control commands (tpm_ioctl.h: the ioctl number + 1) and the minimum message length
 * swtpm 0.7.1 waits for before it processes one (ctrlchannel_recv_cmd).
 */
public final class CtrlCommand {
    public static final int GET_CAPABILITY = 0x01;
    public static final int INIT = 0x02;
    public static final int SHUTDOWN = 0x03;
    public static final int GET_TPMESTABLISHED = 0x04;
    public static final int SET_LOCALITY = 0x05;
    public static final int HASH_START = 0x06;
    public static final int HASH_DATA = 0x07;
    public static final int HASH_END = 0x08;
    public static final int CANCEL_TPM_CMD = 0x09;
    public static final int STORE_VOLATILE = 0x0a;
    public static final int RESET_TPMESTABLISHED = 0x0b;
    public static final int GET_STATEBLOB = 0x0c;
    public static final int SET_STATEBLOB = 0x0d;
    public static final int STOP = 0x0e;
    public static final int GET_CONFIG = 0x0f;
    public static final int SET_DATAFD = 0x10;
    public static final int SET_BUFFERSIZE = 0x11;
    public static final int GET_INFO = 0x12;

    /** Capability bits 0..15 (INIT .. SEND_COMMAND_HEADER): everything 0.7.1 has for a TPM 2. */
    public static final long CAPABILITIES = 0x0000FFFFL;

    /** Bytes of the command word. */
    public static final int HEADER = 4;

    private CtrlCommand() {}

    /**
     * How many bytes (command word included) a message needs before it is processed, given the
     * {@code received} bytes so far; variable-length commands count their length field once it
     * has arrived.
     */
    public static long needed(byte[] buf, int received) {
        int cmd = u32(buf, 0);
        switch (cmd) {
            case INIT:
                return HEADER + 4;
            case SET_LOCALITY:
            case RESET_TPMESTABLISHED:
                return HEADER + 1;
            case HASH_DATA:
                return received >= HEADER + 4 ? HEADER + 4 + Integer.toUnsignedLong(u32(buf, HEADER)) : HEADER + 4;
            case GET_STATEBLOB:
                return HEADER + 12;
            case SET_STATEBLOB:
                return received >= HEADER + 12 ? HEADER + 12 + Integer.toUnsignedLong(u32(buf, HEADER + 8))
                        : HEADER + 12;
            default:
                return HEADER;
        }
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
