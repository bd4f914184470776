package dev.jvtpm.daemon.interop.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One boot of the test guest under {@code qemu-system-x86_64} (TCG) with its TPM backed by a vTPM
 * over a Unix control socket ({@code -tpmdev emulator}). The serial console goes to a file so it
 * survives for diagnostics; QEMU's own stdout/stderr go to another. {@link #close()} kills QEMU if
 * it is still running.
 */
final class QemuGuest implements AutoCloseable {

    /**
     * No {@code quiet}: kernel messages cost little and explain a hang; {@code /init} silences them
     * before it reports. {@code panic=-1} with {@code -no-reboot} turns a panic into an exit.
     */
    static final String KERNEL_COMMAND_LINE = "console=ttyS0 panic=-1";

    /**
     * How a boot ended.
     *
     * @param finished false if QEMU was killed at the time limit
     * @param exitCode QEMU's exit code (-1 if killed)
     * @param elapsed  from QEMU start to its exit (or to the kill)
     */
    record Outcome(boolean finished, int exitCode, Duration elapsed) {
    }

    private final List<String> commandLine;
    private final Process process;
    private final long startNanos;
    private final Path console;
    private final Path qemuOutput;

    private QemuGuest(List<String> commandLine, Process process, long startNanos, Path console, Path qemuOutput) {
        this.commandLine = commandLine;
        this.process = process;
        this.startNanos = startNanos;
        this.console = console;
        this.qemuOutput = qemuOutput;
    }

    /** Starts QEMU; the console is written to {@code artifacts/console.log}. */
    static QemuGuest boot(GuestPlatform platform, Path kernel, Path initramfs, Path ctrlSocket, Path artifacts)
            throws IOException {
        Path console = artifacts.resolve("console.log");
        Path qemuOutput = artifacts.resolve("qemu.log");
        Files.deleteIfExists(console);
        List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64",
                "-machine", platform.machine(), "-accel", "tcg", "-m", "256", "-smp", "1",
                "-nodefaults", "-display", "none", "-monitor", "none", "-no-reboot"));
        cmd.addAll(platform.firmwareArgs());
        cmd.addAll(List.of(
                "-chardev", "file,id=console,path=" + qemuOption(console),
                "-serial", "chardev:console",
                "-kernel", kernel.toString(),
                "-initrd", initramfs.toString(),
                "-append", KERNEL_COMMAND_LINE,
                "-chardev", "socket,id=chrtpm,path=" + qemuOption(ctrlSocket),
                "-tpmdev", "emulator,id=tpm0,chardev=chrtpm",
                "-device", platform.tpmDevice() + ",tpmdev=tpm0"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(qemuOutput.toFile()).start();
        return new QemuGuest(List.copyOf(cmd), p, start, console, qemuOutput);
    }

    /** Waits for the guest to power off; at the limit, kills QEMU and reports it unfinished. */
    Outcome awaitExit(Duration limit) throws InterruptedException {
        boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        return new Outcome(finished, finished ? process.exitValue() : -1, elapsed);
    }

    /** The serial console as text, without carriage returns. */
    String consoleText() throws IOException {
        if (!Files.exists(console)) {
            return "";
        }
        return new String(Files.readAllBytes(console), StandardCharsets.UTF_8).replace("\r", "");
    }

    String diagnostics() {
        return "qemu command: " + String.join(" ", commandLine) + "\n"
                + LogTail.of("guest console " + console, console, 40)
                + LogTail.of("qemu output " + qemuOutput, qemuOutput, 20);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** QEMU option values escape a comma by doubling it. */
    private static String qemuOption(Path p) {
        return p.toString().replace(",", ",,");
    }
}
