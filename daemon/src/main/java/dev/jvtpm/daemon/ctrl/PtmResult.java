package dev.jvtpm.daemon.ctrl;

/** Result codes on the control channel (TPM 1.2 numbering, as swtpm uses them). */
public final class PtmResult {
    public static final int SUCCESS = 0x00;
    /** Wrong body size, bad blob type or header on SET, GET_INFO offset past the end, SET_DATAFD without fd. */
    public static final int BAD_PARAMETER = 0x03;
    /** INIT failed (state lock busy, state unusable). */
    public static final int FAIL = 0x09;
    /** Unknown command, or the TPM is in the wrong state (stopped, or running for SET_*). */
    public static final int BAD_ORDINAL = 0x0a;
    /** An encrypted blob but no matching key. */
    public static final int KEYNOTFOUND = 0x0d;
    /** SET_DATAFD while a data connection is installed; HASH_DATA short read. */
    public static final int IOERROR = 0x1f;
    public static final int DECRYPT_ERROR = 0x21;
    public static final int BAD_LOCALITY = 0x3d;
    /** Non-fatal: GET_STATEBLOB of a blob that does not exist. */
    public static final int RETRY = 0x800;

    private PtmResult() {}
}
