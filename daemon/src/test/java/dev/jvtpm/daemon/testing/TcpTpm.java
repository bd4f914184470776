package dev.jvtpm.daemon.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A TPM in swtpm socket mode on TCP ports P (data) and P + 1 (control) — the jvtpm daemon or
 * swtpm 0.7.1 — with its own state directory. tpm2-tools reach it through tcti-swtpm, tests send
 * raw commands on a connection of their own, and {@link #restart()} stops the process and starts
 * a new one on the same state, as a host reboot or a daemon upgrade would.
 */
public final class TcpTpm implements AutoCloseable {
    /** Which implementation runs. */
    public enum Kind { JVTPM, SWTPM }

    private final Kind kind;
    private final Path dir;
    private final int port;
    private final String flags;
    private DaemonProcess daemon;
    private Process swtpm;

    private TcpTpm(Kind kind, Path dir, int port, String flags) {
        this.kind = kind;
        this.dir = dir;
        this.port = port;
        this.flags = flags;
    }

    /** A freshly manufactured TPM, powered on (not-need-init), before TPM2_Startup. */
    public static TcpTpm start(Kind kind) throws IOException, InterruptedException {
        return start(kind, "not-need-init");
    }

    /**
     * A freshly manufactured TPM, powered on, that sent itself TPM2_Startup(CLEAR) (swtpm's
     * startup-clear flag), as it does again after every {@link #restart()}.
     */
    public static TcpTpm startCleared(Kind kind) throws IOException, InterruptedException {
        return start(kind, "not-need-init,startup-clear");
    }

    private static TcpTpm start(Kind kind, String flags) throws IOException, InterruptedException {
        TcpTpm t = new TcpTpm(kind, TestDirs.create(), Ports.freePair(), flags);
        t.launch();
        return t;
    }

    public Kind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    private void launch() throws IOException, InterruptedException {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        List<String> args = List.of("socket", "--tpm2", "--tpmstate", "dir=" + state,
                "--server", "type=tcp,port=" + port + ",bindaddr=127.0.0.1",
                "--ctrl", "type=tcp,port=" + (port + 1) + ",bindaddr=127.0.0.1", "--flags", flags);
        if (kind == Kind.JVTPM) {
            daemon = DaemonProcess.builder(dir).start(args.toArray(new String[0])).awaitTcp(port).awaitTcp(port + 1);
            return;
        }
        swtpm = SwtpmProcess.start(args, dir.resolve("swtpm.log"), port, port + 1);
    }

    /** The TCTI configuration (tcti-swtpm) that reaches this TPM. */
    public String tcti() {
        return "swtpm:host=127.0.0.1,port=" + port;
    }

    /** A tpm2-tools command against this TPM. */
    public Tools.Result tool(String... cmd) throws IOException, InterruptedException {
        return Tools.run(Map.of("TPM2TOOLS_TCTI", tcti()), cmd);
    }

    /** A tpm2-tools command against this TPM, run in {@code workDir} (file arguments are relative to it). */
    public Tools.Result toolIn(Path workDir, Duration timeout, String... cmd) throws IOException, InterruptedException {
        return Tools.runIn(workDir, timeout, Map.of("TPM2TOOLS_TCTI", tcti()), cmd);
    }

    /** One raw command on a connection of its own; the response. */
    public byte[] send(byte[] command) throws IOException {
        try (Wire w = Wire.tcp(port)) {
            return w.transact(command);
        }
    }

    /** The response code of one raw command. */
    public int rc(byte[] command) throws IOException {
        return TpmCommands.rc(send(command));
    }

    /** Stops the process (no TPM2_Shutdown: a crash as far as the TPM knows) and starts it again. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    private void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
        if (swtpm != null) {
            swtpm.destroy();
            if (!swtpm.waitFor(10, TimeUnit.SECONDS)) {
                swtpm.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            swtpm = null;
        }
    }

    /** A file in this TPM's scratch directory (tool inputs and outputs). */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Closes both TPMs of a side-by-side test (null for one that was not started), also when the first close fails. */
    public static void closeBoth(TcpTpm first, TcpTpm second) throws InterruptedException {
        try {
            if (first != null) {
                first.close();
            }
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop();
        } finally {
            TestDirs.delete(dir);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.JVTPM ? "jvtpm daemon" : "swtpm 0.7.1";
    }
}
