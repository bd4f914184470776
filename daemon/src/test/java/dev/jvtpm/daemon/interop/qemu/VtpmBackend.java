package dev.jvtpm.daemon.interop.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A vTPM that QEMU's {@code -tpmdev emulator} attaches to through a Unix control socket, launched
 * the way libvirt launches swtpm. The harness runs unchanged against each backend.
 */
interface VtpmBackend {

    /** Selects the backend: {@code -Djvtpm.qemu.backend=swtpm|jvtpm}. */
    String PROPERTY = "jvtpm.qemu.backend";

    /**
     * The backend when the property is absent. It is swtpm until the jvtpm daemon
     * ({@code bin/jvtpm socket}) lands; then flip this one line to {@code "jvtpm"}.
     */
    String DEFAULT = "jvtpm";

    String name();

    /**
     * Starts the vTPM with its state in {@code stateDir}, its control channel listening on
     * {@code ctrlSocket} and its log in {@code logFile}. Returns at once; use
     * {@link VtpmProcess#awaitControlSocket} before pointing QEMU at the socket.
     */
    VtpmProcess start(Path stateDir, Path ctrlSocket, Path logFile) throws IOException;

    /** The backend named by {@link #PROPERTY}, or {@link #DEFAULT}. */
    static VtpmBackend selected(Path repoRoot) {
        String name = System.getProperty(PROPERTY, DEFAULT).trim();
        switch (name) {
            case "swtpm":
                return new SocketModeBackend("swtpm", List.of("swtpm"));
            case "jvtpm":
                Path launcher = repoRoot.resolve("bin/jvtpm");
                if (!Files.isExecutable(launcher)) {
                    throw new IllegalStateException(launcher + " does not exist or is not executable: the jvtpm daemon"
                            + " has not been built on this branch (use -D" + PROPERTY + "=swtpm to test the harness)");
                }
                return new SocketModeBackend("jvtpm", List.of(launcher.toString()));
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + name + ": expected swtpm or jvtpm");
        }
    }
}
