package dev.jvtpm.daemon.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An endpoint after it was opened: a listener or an already connected socket, and the Unix
 * socket path the daemon created (removed again at exit).
 *
 * @param viaUnixSockets whether the sockets come from native-bridge (and may be Unix sockets
 *     that carry descriptors) rather than from the JDK
 */
public record OpenedEndpoint(Endpoint endpoint, ServerSocket listener, Socket connected, Path createdPath,
                             boolean viaUnixSockets) implements Closeable {
    /** Closes the socket and removes the path the daemon bound. */
    @Override
    public void close() {
        try {
            if (listener != null) {
                listener.close();
            }
            if (connected != null) {
                connected.close();
            }
        } catch (IOException ignored) {
            // closing at exit; nothing to recover
        }
        if (createdPath != null) {
            try {
                Files.deleteIfExists(createdPath);
            } catch (IOException ignored) {
                // best effort at exit
            }
        }
    }
}
