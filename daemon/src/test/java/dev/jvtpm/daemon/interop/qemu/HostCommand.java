package dev.jvtpm.daemon.interop.qemu;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A short-lived host tool run to completion (apt-cache, apt-get, dpkg-deb, tar). */
final class HostCommand {

    private HostCommand() {
    }

    /**
     * Runs {@code command} in {@code workDir}, returning its stdout; a non-zero exit or a timeout
     * fails with the command line and its stderr, so a broken host setup explains itself.
     */
    static String run(List<String> command, Path workDir, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jvtpm-host-command", ".out");
        Path err = Files.createTempFile("jvtpm-host-command", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            if (p.exitValue() != 0) {
                throw new IOException("exit " + p.exitValue() + " from " + String.join(" ", command) + ":\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
