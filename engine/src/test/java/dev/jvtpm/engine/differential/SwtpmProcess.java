package dev.jvtpm.engine.differential;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * swtpm 0.7.1 as the oracle: {@code swtpm socket --tpm2 --server type=tcp,port=P --ctrl
 * type=tcp,port=P+1 --tpmstate dir=<tmp> --flags not-need-init} on free ports with its own
 * temporary state directory, both removed on close.
 */
public final class SwtpmProcess extends SwtpmProtocolTarget {
    private final Process process;
    private final Path stateDir;

    private SwtpmProcess(Process process, Path stateDir, int port) throws IOException {
        super("swtpm 0.7.1", "127.0.0.1", port, port + 1);
        this.process = process;
        this.stateDir = stateDir;
    }

    /** Starts a fresh swtpm (a newly manufactured TPM, powered on, before Startup). */
    public static SwtpmProcess start() throws IOException {
        String exe = findOnPath("swtpm");
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            Path dir = Files.createTempDirectory("jvtpm-diff-swtpm");
            int port = freePortPair();
            Process p = new ProcessBuilder(exe, "socket", "--tpm2",
                    "--server", "type=tcp,port=" + port + ",bindaddr=127.0.0.1",
                    "--ctrl", "type=tcp,port=" + (port + 1) + ",bindaddr=127.0.0.1",
                    "--tpmstate", "dir=" + dir, "--flags", "not-need-init",
                    // exit with our data connection, so a crashed test JVM leaves no swtpm behind
                    "--terminate")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("swtpm.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && p.isAlive()) {
                try {
                    return new SwtpmProcess(p, dir, port);
                } catch (IOException e) {
                    last = e;
                    sleep(5);
                }
            }
            // Port taken by someone else in the meantime, or swtpm failed: try again elsewhere.
            p.destroyForcibly();
            deleteTree(dir);
        }
        throw new IOException("could not start swtpm", last);
    }

    private static String findOnPath(String exe) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, exe);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        throw new IOException(exe + " is not on PATH; the differential tests need swtpm 0.7.1 (bin/test installs it)");
    }

    /** A port P with P and P+1 both free right now. */
    private static int freePortPair() throws IOException {
        for (int i = 0; i < 50; i++) {
            int p;
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
            if (p < 65535 && isFree(p + 1)) {
                return p;
            }
        }
        throw new IOException("no free port pair");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return s.getLocalPort() == port;
        } catch (IOException busy) {
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** swtpm's log, for failure messages. */
    public String log() {
        try {
            return Files.readString(stateDir.resolve("swtpm.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deleteTree(stateDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
