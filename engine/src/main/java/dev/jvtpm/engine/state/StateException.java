package dev.jvtpm.engine.state;

/** State could not be read or written: I/O failure, tampering, wrong key, unknown format. */
public class StateException extends Exception {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
