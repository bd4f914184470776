package dev.jvtpm.daemon.interop.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A running vTPM backend process; {@link #close()} makes sure it is gone. */
final class VtpmProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(5);

    private final List<String> commandLine;
    private final Process process;
    private final Path ctrlSocket;
    private final Path logFile;
    private final Path outputFile;

    private VtpmProcess(List<String> commandLine, Process process, Path ctrlSocket, Path logFile, Path outputFile) {
        this.commandLine = commandLine;
        this.process = process;
        this.ctrlSocket = ctrlSocket;
        this.logFile = logFile;
        this.outputFile = outputFile;
    }

    /** Starts {@code commandLine}; its stdout and stderr go to {@code <logFile>.out} beside its log. */
    static VtpmProcess start(List<String> commandLine, java.util.Map<String, String> env, Path ctrlSocket,
                             Path logFile) throws IOException {
        Path output = logFile.resolveSibling(logFile.getFileName() + ".out");
        ProcessBuilder pb = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        return new VtpmProcess(List.copyOf(commandLine), p, ctrlSocket, logFile, output);
    }

    List<String> commandLine() {
        return commandLine;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the control socket exists, as libvirt does before starting QEMU (it allows
     * 1 s), and returns how long that took. Fails early if the process dies first.
     */
    Duration awaitControlSocket(Duration max) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (!isSocket(ctrlSocket)) {
            if (!process.isAlive()) {
                throw new IOException("backend exited with " + process.exitValue() + " before creating " + ctrlSocket
                        + "\n" + diagnostics());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("backend did not create " + ctrlSocket + " within " + max + "\n" + diagnostics());
            }
            Thread.sleep(POLL.toMillis());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits for the process to exit on its own and returns its exit code, or empty on timeout. */
    OptionalInt awaitExit(Duration max) throws InterruptedException {
        return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /** The tails of the backend's log and of its stdout/stderr, for failure messages. */
    String diagnostics() {
        return "backend command: " + String.join(" ", commandLine) + "\n"
                + LogTail.of("backend log " + logFile, logFile, 30)
                + LogTail.of("backend output " + outputFile, outputFile, 30);
    }

    /** SIGTERM, then SIGKILL after 5 s, for the process and anything it started. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isSocket(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }
}
