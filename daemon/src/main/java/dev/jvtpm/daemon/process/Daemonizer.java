package dev.jvtpm.daemon.process;

import dev.jvtpm.nativebridge.Posix;
import dev.jvtpm.nativebridge.UnixSockets;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --daemon}. A JVM cannot fork, so the process starts a copy of itself (same JVM, same
 * options, same arguments) in a new session with stdio on /dev/null, inheriting every
 * descriptor (so {@code fd=} options keep working), and waits on a pipe until the copy reports
 * that its sockets and pid file are ready (exit 0) or why it failed (exit 1) — the handshake
 * swtpm's double fork does.
 */
public final class Daemonizer {
    /** Set in the copy's environment: the descriptor to report readiness on. */
    public static final String READY_FD_ENV = "JVTPM_DAEMON_READY_FD";

    private Daemonizer() {}

    /** Whether this process is the detached copy. */
    public static boolean isDetachedCopy() {
        return System.getenv(READY_FD_ENV) != null;
    }

    /** Starts the detached copy and waits for its report; returns the exit code for this process. */
    public static int detach() {
        try {
            List<String> argv = new ArrayList<>(commandLine());
            argv.set(0, ProcessHandle.current().info().command().orElse("/proc/self/exe"));
            int[] pipe = Posix.inheritablePipe();
            List<String> env = new ArrayList<>();
            for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                if (!e.getKey().equals(READY_FD_ENV)) {
                    env.add(e.getKey() + "=" + e.getValue());
                }
            }
            env.add(READY_FD_ENV + "=" + pipe[1]);
            int pid;
            try {
                pid = Posix.spawnDetached(argv, env);
            } finally {
                Posix.close(pipe[1]);
            }
            String report;
            try (InputStream in = new FileInputStream(UnixSockets.get().fileDescriptor(pipe[0]))) {
                // read() until EOF: readAllBytes would seek, which a pipe refuses
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0; ) {
                    got.write(buf, 0, n);
                }
                report = got.toString(StandardCharsets.UTF_8).trim();
            }
            if (report.equals("OK")) {
                return 0;
            }
            if (report.startsWith("ERR ")) {
                System.err.println(report.substring(4));
            } else {
                System.err.println("jvtpm: the daemon (pid " + pid + ") exited before it was ready; see its log");
            }
            return 1;
        } catch (IOException | LinkageError e) {
            System.err.println("jvtpm: could not start the daemon: " + e.getMessage());
            return 1;
        }
    }

    /** This process's argv, exactly as it was started (JVM options included). */
    private static List<String> commandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return args;
    }

    /** The detached copy's side of the handshake; a no-op in a process started without --daemon. */
    public static final class Report {
        private OutputStream out;

        public Report() {
            String fd = System.getenv(READY_FD_ENV);
            if (fd != null) {
                try {
                    out = new FileOutputStream(UnixSockets.get().fileDescriptor(Integer.parseInt(fd)));
                } catch (IOException | RuntimeException e) {
                    out = null;
                }
            }
        }

        public void ready() {
            send("OK");
        }

        public void failed(String message) {
            send("ERR " + message);
        }

        private synchronized void send(String line) {
            if (out == null) {
                return;
            }
            try (OutputStream o = out) {
                o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the parent is gone; nothing to tell
            }
            out = null;
        }
    }
}
