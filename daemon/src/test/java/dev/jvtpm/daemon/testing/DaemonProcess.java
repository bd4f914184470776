package dev.jvtpm.daemon.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real jvtpm daemon in its own JVM, started from the test classpath (or through bin/jvtpm),
 * with its stdout and stderr captured to files. Closing it sends SIGTERM and waits.
 */
public final class DaemonProcess implements AutoCloseable {
    /** Generous: the build machine is shared and sometimes heavily loaded. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(40);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private DaemonProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The classpath the tests run with, which holds the daemon and its dependencies. */
    public static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /** Starts a process with arbitrary arguments after the main class (e.g. "socket", ...). */
    public static final class Builder {
        private final Path workDir;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> env = new HashMap<>();
        private final List<String> removeEnv = new ArrayList<>();
        private boolean viaLauncher;
        private ProcessBuilder.Redirect stdin = ProcessBuilder.Redirect.PIPE;

        private Builder(Path workDir) {
            this.workDir = workDir;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder withoutEnv(String name) {
            removeEnv.add(name);
            return this;
        }

        /** Starts through bin/jvtpm (with JVTPM_CLASSPATH set to the test classpath). */
        public Builder viaLauncher() {
            viaLauncher = true;
            return this;
        }

        public DaemonProcess start(String... args) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (viaLauncher) {
                cmd.add(Repo.root().resolve("bin/jvtpm").toString());
                env.put("JVTPM_CLASSPATH", classpath());
                if (!jvmOptions.isEmpty()) {
                    env.put("JAVA_OPTS", String.join(" ", jvmOptions));
                }
            } else {
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.add("-XX:+UseSerialGC");
                cmd.add("-XX:TieredStopAtLevel=1"); // tests start many short-lived daemons
                cmd.addAll(jvmOptions);
                cmd.add("-cp");
                cmd.add(classpath());
                cmd.add("dev.jvtpm.daemon.Main");
            }
            cmd.addAll(List.of(args));
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "daemon-", ".out");
            Path err = Files.createTempFile(workDir, "daemon-", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(stdin);
            // Never the real user's ~/.config or ~/.local/share: the default key and state go here.
            pb.environment().put("HOME", workDir.toString());
            pb.environment().put("XDG_CONFIG_HOME", workDir.resolve("config").toString());
            pb.environment().put("XDG_DATA_HOME", workDir.resolve("data").toString());
            pb.environment().remove("TPM_PATH");
            pb.environment().remove("TPM_PORT");
            pb.environment().putAll(env);
            removeEnv.forEach(pb.environment()::remove);
            return new DaemonProcess(pb.start(), out, err);
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    /** Waits until a TCP port accepts connections (and closes the probe connection). */
    public DaemonProcess awaitTcp(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return this;
            } catch (IOException e) {
                checkAlive("port " + port, deadline);
            }
        }
    }

    /**
     * Waits until a Unix socket path accepts connections (the probe connection is closed at
     * once). The path exists a moment before the socket listens (bind, then listen, as in
     * swtpm), so existence alone is not enough.
     */
    public DaemonProcess awaitPath(Path path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (Files.exists(path)) {
                try (Socket s = dev.jvtpm.nativebridge.UnixSockets.get().connect(path)) {
                    return this;
                } catch (IOException notYetListening) {
                    // retry
                }
            }
            checkAlive(path.toString(), deadline);
        }
    }

    private void checkAlive(String what, long deadline) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IOException("daemon exited with " + process.exitValue() + " before " + what
                    + " was ready; stderr:\n" + stderr() + "\nstdout:\n" + stdout());
        }
        if (System.nanoTime() > deadline) {
            throw new IOException("daemon did not open " + what + " within " + START_TIMEOUT + "; stderr:\n" + stderr());
        }
        Thread.sleep(20);
    }

    /** Waits for the process to exit; returns its exit code or fails with its output. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("daemon still running after " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then wait (a killed daemon would leave files behind, which tests check). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
