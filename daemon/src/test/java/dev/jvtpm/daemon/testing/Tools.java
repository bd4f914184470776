package dev.jvtpm.daemon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs external clients (tpm2-tools, swtpm_ioctl, swtpm) with a timeout and captures their output. */
public final class Tools {
    private static final Pattern RESPONSE_CODE = Pattern.compile("0x[0-9a-fA-F]{3,8}");

    private Tools() {}

    public record Result(int exit, String stdout, String stderr) {
        public Result assertOk() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    public static Result run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        return run(Duration.ofSeconds(60), env, List.of(cmd));
    }

    /** Runs {@code cmd} in {@code dir}, so that its file arguments are relative to it. */
    public static Result runIn(Path dir, Duration timeout, Map<String, String> env, String... cmd)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", dir.toString()));
        full.addAll(List.of(cmd));
        return run(timeout, env, full);
    }

    /** The TPM response codes a failing tpm2-tools or tss2 tool printed (as 0x...), in order, in lower case. */
    public static List<String> responseCodes(String stderr) {
        List<String> out = new ArrayList<>();
        Matcher m = RESPONSE_CODE.matcher(stderr);
        while (m.find()) {
            out.add(m.group().toLowerCase());
        }
        return out;
    }

    public static Result run(Duration timeout, Map<String, String> env, List<String> cmd)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-", ".out");
        Path err = Files.createTempFile("tool-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeout
                        + "; stderr so far: " + Files.readString(err));
            }
            // lenient decoding: some tools print raw bytes
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
