package dev.jvtpm.engine.wire;

/**
 * A command failed with a TPM response code. Carries the wire value (code plus position), so
 * the dispatcher turns it into a 10-byte error response without further interpretation.
 *
 * <p>Stack traces are not captured: these are expected outcomes of bad input on a hot path.
 */
public final class TpmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int rc;
    private final String detail;

    public TpmException(int rc) {
        this(rc, null);
    }

    public TpmException(int rc, String detail) {
        super(null, null, false, false);
        this.rc = rc;
        this.detail = detail;
    }

    /** The wire value, position included. */
    public int rc() {
        return rc;
    }

    /** The same code placed at handle {@code n}, unless a position is already set. */
    public TpmException atHandle(int n) {
        return hasPosition() ? this : new TpmException(TpmRc.atHandle(rc, n), detail);
    }

    /** The same code placed at parameter {@code n}, unless a position is already set. */
    public TpmException atParameter(int n) {
        return hasPosition() ? this : new TpmException(TpmRc.atParameter(rc, n), detail);
    }

    /** The same code placed at session {@code n}, unless a position is already set. */
    public TpmException atSession(int n) {
        return hasPosition() ? this : new TpmException(TpmRc.atSession(rc, n), detail);
    }

    private boolean hasPosition() {
        return TpmRc.isFormatOne(rc) && (rc & 0xF40) != 0;
    }

    public static TpmException handle(int n, int code) {
        return new TpmException(TpmRc.atHandle(code, n));
    }

    public static TpmException parameter(int n, int code) {
        return new TpmException(TpmRc.atParameter(code, n));
    }

    public static TpmException session(int n, int code) {
        return new TpmException(TpmRc.atSession(code, n));
    }

    @Override
    public String getMessage() {
        return detail == null ? TpmRc.describe(rc) : TpmRc.describe(rc) + ": " + detail;
    }
}
