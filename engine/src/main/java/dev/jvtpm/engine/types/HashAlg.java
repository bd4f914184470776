package dev.jvtpm.engine.types;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;

/** The hash algorithms this TPM implements, with their digest and block sizes. */
public enum HashAlg {
    SHA1(TpmAlgId.SHA1, 20, 64, "SHA-1"),
    SHA256(TpmAlgId.SHA256, 32, 64, "SHA-256"),
    SHA384(TpmAlgId.SHA384, 48, 128, "SHA-384"),
    SHA512(TpmAlgId.SHA512, 64, 128, "SHA-512");

    /** The largest digest of any implemented hash (TPM_PT_MAX_DIGEST). */
    public static final int MAX_DIGEST_SIZE = 64;

    private final int id;
    private final int digestSize;
    private final int blockSize;
    private final String jcaName;

    HashAlg(int id, int digestSize, int blockSize, String jcaName) {
        this.id = id;
        this.digestSize = digestSize;
        this.blockSize = blockSize;
        this.jcaName = jcaName;
    }

    public int id() {
        return id;
    }

    public int digestSize() {
        return digestSize;
    }

    public int blockSize() {
        return blockSize;
    }

    public String jcaName() {
        return jcaName;
    }

    /** The implemented hash with this TPM_ALG_ID, or null. */
    public static HashAlg fromId(int id) {
        switch (id) {
            case TpmAlgId.SHA1: return SHA1;
            case TpmAlgId.SHA256: return SHA256;
            case TpmAlgId.SHA384: return SHA384;
            case TpmAlgId.SHA512: return SHA512;
            default: return null;
        }
    }

    /**
     * TPMI_ALG_HASH(+) from a parameter: an implemented hash, or null for TPM_ALG_NULL when
     * {@code allowNull}; anything else is TPM_RC_HASH at the parameter being read.
     */
    public static HashAlg read(TpmReader r, boolean allowNull) throws TpmException {
        int id = r.u16();
        HashAlg h = fromId(id);
        if (h == null && !(allowNull && id == TpmAlgId.NULL)) {
            throw r.fail(TpmRc.HASH);
        }
        return h;
    }

    /** The hash with this id, or {@code TPM_RC_HASH} (no position; the caller adds it). */
    public static HashAlg require(int id) throws TpmException {
        HashAlg h = fromId(id);
        if (h == null) {
            throw new TpmException(TpmRc.HASH);
        }
        return h;
    }
}
