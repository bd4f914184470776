package dev.jvtpm.daemon.state;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.SwtpmProcess;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A TPM process in swtpm socket mode — the jvtpm daemon or swtpm 0.7.1 — on one state directory
 * that outlives the process: it can be stopped the ways a host stops it (SIGTERM, the control
 * channel's CMD_SHUTDOWN, SIGKILL) and started again on the same directory. It starts without
 * {@code not-need-init}, so the TPM is off until CMD_INIT, as QEMU drives it. Each start takes
 * fresh ports (a killed process may leave its old ones in TIME_WAIT).
 */
final class StateDirTpm implements AutoCloseable {
    /** Which implementation runs. */
    enum Kind { JVTPM, SWTPM }

    /** CMD_INIT / CMD_SHUTDOWN on the control channel (swtpm-compat §1.3). */
    static final String CMD_INIT = "00000002 00000000";
    static final String CMD_SHUTDOWN = "00000003";

    private final Kind kind;
    private final Path work;
    private final Path state;
    private final Path key;
    private int port;
    private int starts;
    private DaemonProcess daemon;
    private Process swtpm;

    private StateDirTpm(Kind kind, Path work, Path state, Path key) {
        this.kind = kind;
        this.work = work;
        this.state = state;
        this.key = key;
    }

    /** A new, empty state directory (and, for jvtpm, a key file) in a scratch directory of its own. */
    static StateDirTpm create(Kind kind) throws IOException {
        Path work = TestDirs.create();
        Path state = Files.createDirectory(work.resolve("state"));
        Path key = Files.writeString(work.resolve("state.key"), "00112233445566778899aabbccddeeff0011223344556677"
                + "8899aabbccddeeff\n");
        return new StateDirTpm(kind, work, state, key);
    }

    /** An existing state directory sealed with {@code key} (jvtpm only). */
    static StateDirTpm on(Path work, Path state, Path key) {
        return new StateDirTpm(Kind.JVTPM, work, state, key);
    }

    Kind kind() {
        return kind;
    }

    Path stateDir() {
        return state;
    }

    /** Starts the process on the state directory and waits until both channels accept connections. */
    StateDirTpm start() throws IOException, InterruptedException {
        if (daemon != null || swtpm != null) {
            throw new IllegalStateException(this + " is already running");
        }
        port = Ports.freePair();
        starts++;
        List<String> args = new ArrayList<>(List.of("socket", "--tpm2", "--tpmstate", "dir=" + state,
                "--server", "type=tcp,port=" + port + ",bindaddr=127.0.0.1",
                "--ctrl", "type=tcp,port=" + (port + 1) + ",bindaddr=127.0.0.1"));
        if (kind == Kind.JVTPM) {
            args.addAll(List.of("--key", "file=" + key + ",mode=aes-256-cbc", "--log", "file=" + work.resolve("jvtpm-" + starts + ".log")));
            daemon = DaemonProcess.builder(work).start(args.toArray(new String[0])).awaitTcp(port).awaitTcp(port + 1);
            return this;
        }
        swtpm = SwtpmProcess.start(args, work.resolve("swtpm-" + starts + ".log"), port, port + 1);
        return this;
    }

    int dataPort() {
        return port;
    }

    int ctrlPort() {
        return port + 1;
    }

    /** One control command on a connection of its own; the 4-byte result code. */
    int ctrl(String hex) throws IOException {
        try (Wire c = Wire.tcp(ctrlPort())) {
            return ByteBuffer.wrap(c.send(hex).read(4)).getInt();
        } catch (AssertionError e) {
            throw new AssertionError(this + ": control command " + hex + ": " + e.getMessage() + "\nlog:\n" + log()
                    + (daemon != null ? "\nstderr:\n" + daemon.stderr() : ""), e);
        }
    }

    /** CMD_INIT: powers the TPM on, loading the state directory; 0 on success. */
    int init() throws IOException {
        return ctrl(CMD_INIT);
    }

    /** One TPM command on a connection of its own; the response. */
    byte[] send(byte[] command) throws IOException {
        try (Wire w = Wire.tcp(dataPort())) {
            return w.transact(command);
        }
    }

    int rc(byte[] command) throws IOException {
        return TpmCommands.rc(send(command));
    }

    /** SIGTERM, as systemd or libvirt stop a TPM; waits for the exit. */
    void sigterm() throws InterruptedException {
        signal(false);
    }

    /** SIGKILL: the process gets no chance to write anything more; waits until it is gone. */
    void sigkill() throws InterruptedException {
        signal(true);
    }

    /** CMD_SHUTDOWN on the control channel: the process answers 0 and exits (with code 0). */
    void ctrlShutdown() throws IOException, InterruptedException {
        int rc = ctrl(CMD_SHUTDOWN);
        if (rc != 0) {
            throw new AssertionError(this + ": CMD_SHUTDOWN answered " + Integer.toHexString(rc));
        }
        Process p = process();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError(this + " still running 20 s after CMD_SHUTDOWN");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(this + " exited with " + p.exitValue() + " after CMD_SHUTDOWN: " + log());
        }
        daemon = null;
        swtpm = null;
    }

    private Process process() {
        return daemon != null ? daemon.process() : swtpm;
    }

    boolean running() {
        Process p = process();
        return p != null && p.isAlive();
    }

    private void signal(boolean kill) throws InterruptedException {
        Process p = process();
        if (p == null) {
            return;
        }
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(this + " did not exit within 20 s of " + (kill ? "SIGKILL" : "SIGTERM"));
        }
        daemon = null;
        swtpm = null;
    }

    /** The process's log of its latest start (daemon log file, or swtpm's output). */
    String log() {
        Path f = work.resolve((kind == Kind.JVTPM ? "jvtpm-" : "swtpm-") + starts + ".log");
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            signal(true);
        } finally {
            TestDirs.delete(work);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.JVTPM ? "jvtpm daemon" : "swtpm 0.7.1";
    }
}
