package dev.jvtpm.engine.state;

/**
 * The state blobs of one TPM, named as swtpm names them on disk and on the control channel
 * (PTM_BLOB_TYPE_PERMANENT = 1, VOLATILE = 2, SAVESTATE = 3).
 */
public enum BlobKind {
    /** Seeds, hierarchy auth, NV, persistent objects, clock, orderly shutdown data. */
    PERMANENT(1, "permall"),
    /** A snapshot of everything in RAM (PCRs, loaded objects, sessions) for migration and STORE_VOLATILE. */
    VOLATILE(2, "volatilestate"),
    /** TPM 1.2 save state; a TPM 2.0 never has one. */
    SAVESTATE(3, "savestate");

    private final int ptmType;
    private final String fileSuffix;

    BlobKind(int ptmType, String fileSuffix) {
        this.ptmType = ptmType;
        this.fileSuffix = fileSuffix;
    }

    public int ptmType() {
        return ptmType;
    }

    /** swtpm's file suffix: {@code tpm2-00.<suffix>}. */
    public String fileSuffix() {
        return fileSuffix;
    }

    public static BlobKind fromPtmType(int type) {
        for (BlobKind k : values()) {
            if (k.ptmType == type) {
                return k;
            }
        }
        return null;
    }
}
