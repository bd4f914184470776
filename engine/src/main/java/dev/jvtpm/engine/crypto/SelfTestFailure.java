package dev.jvtpm.engine.crypto;

/**
 * An algorithm failed its known-answer self-test. The TPM enters failure mode (Part 1 "Failure
 * Mode"); it is unchecked because it can surface from any primitive's first use.
 */
public final class SelfTestFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int algId;

    public SelfTestFailure(int algId, String message) {
        super(message);
        this.algId = algId;
    }

    /** The TPM_ALG_ID whose test failed. */
    public int algId() {
        return algId;
    }
}
