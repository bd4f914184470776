package dev.jvtpm.engine.differential;

import java.io.IOException;
import java.util.Optional;

/**
 * One side of a differential test: a TPM that takes command bytes and the platform signals swtpm
 * exposes on its control channel. swtpm is one target; jvtpm is another, in process today and
 * over its own socket once the daemon exists (then {@link SwtpmProtocolTarget} speaks to it).
 */
public interface TpmTarget extends AutoCloseable {
    String name();

    /** Sends exactly these bytes as one command and returns the one response. */
    byte[] send(byte[] command) throws IOException;

    /** _TPM_Init, keeping any stored volatile state (swtpm CMD_INIT with flags 0). */
    void powerCycle() throws IOException;

    /** The locality of the following commands (swtpm CMD_SET_LOCALITY). */
    void setLocality(int locality) throws IOException;

    void hashStart() throws IOException;

    void hashData(byte[] data) throws IOException;

    void hashEnd() throws IOException;

    /** Writes the volatile state to the state store (swtpm CMD_STORE_VOLATILE). */
    void storeVolatile() throws IOException;

    /**
     * The proof value of a hierarchy, when the target can reveal it (an in-process jvtpm), so
     * ticket digests can be recomputed; empty for black boxes.
     */
    default Optional<byte[]> proof(int hierarchy) {
        return Optional.empty();
    }

    @Override
    void close() throws IOException;
}
