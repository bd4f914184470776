package dev.jvtpm.daemon.cli;

/** A command line that cannot be run; the message names the option and what is wrong with it. */
public final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
