package dev.jvtpm.daemon.ctrl;

import java.net.Socket;

/** Where CMD_SET_DATAFD puts the data connection it receives. */
public interface DataFdTarget {
    /** Whether a data connection is installed (swtpm then answers TPM_IOERROR). */
    boolean occupied();

    /** Starts serving {@code connection} as the data channel; false when one is already installed. */
    boolean offer(Socket connection);
}
