package dev.jvtpm.daemon.tools;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the round-trip latency of TPM2_GetRandom(32) and TPM2_PCR_Extend over TCP, jvtpm's
 * daemon against swtpm 0.7.1 in the same run, everything (both servers and this client) pinned
 * to one CPU so scheduling is comparable. Not a test: it measures, it does not assert.
 *
 * <pre>
 *   mvn -q -o -pl daemon -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/jvtpm.cp
 *   java -cp daemon/target/test-classes:daemon/target/classes:$(cat /tmp/jvtpm.cp) \
 *        dev.jvtpm.daemon.tools.RoundTripLatency [iterations] [cpu]
 * </pre>
 * A persistent data connection per server; each command is written with one write and its
 * response read by size. Both servers run with --flags not-need-init,startup-clear.
 */
public final class RoundTripLatency {
    private RoundTripLatency() {}

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String cpu = args.length > 1 ? args[1] : "1";
        int warmup = iterations;
        pin(ProcessHandle.current().pid(), cpu);

        Path jvtpmDir = TestDirs.create();
        Path swtpmDir = TestDirs.create();
        int jvtpmPort = Ports.freePair();
        int swtpmPort = Ports.freePair();
        DaemonProcess jvtpm = null;
        Process swtpm = null;
        try {
            jvtpm = DaemonProcess.builder(jvtpmDir).jvmOption("-XX:+UseSerialGC").jvmOption("-XX:TieredStopAtLevel=4")
                    .start("socket", "--tpm2", "--tpmstate", "dir=" + jvtpmDir, "--server",
                            "type=tcp,port=" + jvtpmPort, "--flags", "not-need-init,startup-clear");
            pin(jvtpm.pid(), cpu);
            swtpm = new ProcessBuilder("taskset", "-c", cpu, "swtpm", "socket", "--tpm2", "--tpmstate",
                    "dir=" + swtpmDir, "--server", "type=tcp,port=" + swtpmPort, "--flags", "not-need-init,startup-clear")
                    .redirectErrorStream(true).redirectOutput(swtpmDir.resolve("swtpm.log").toFile()).start();
            jvtpm.awaitTcp(jvtpmPort);
            awaitPort(swtpmPort);

            System.out.printf(Locale.ROOT, "round trips over TCP, %d iterations after %d warm-up, all on CPU %s%n",
                    iterations, warmup, cpu);
            byte[][] commands = {
                TpmCommands.getRandom(32),
                TpmCommands.pcrExtendSha256(16, TpmCommands.sha256(new byte[] {1})),
                // an unknown command code: the TPM_RC_COMMAND_CODE answer measures transport and dispatch alone
                dev.jvtpm.daemon.testing.Hex.bytes("8001 0000000a 00000000"),
            };
            String[] names = {"GetRandom(32)", "PCR_Extend(sha256)", "unknown command"};
            for (int k = 0; k < commands.length; k++) {
                String[] c = {names[k]};
                byte[] cmd = commands[k];
                Stats j = measure(jvtpmPort, cmd, warmup, iterations);
                Stats s = measure(swtpmPort, cmd, warmup, iterations);
                System.out.printf(Locale.ROOT, "%-20s jvtpm  %s%n", c[0], j);
                System.out.printf(Locale.ROOT, "%-20s swtpm  %s%n", "", s);
                System.out.printf(Locale.ROOT, "%-20s ratio jvtpm/swtpm: median %.2f, mean %.2f%n", "",
                        j.median / s.median, j.mean / s.mean);
            }
        } finally {
            if (jvtpm != null) {
                jvtpm.close();
            }
            if (swtpm != null) {
                swtpm.destroy();
                swtpm.waitFor();
            }
            TestDirs.delete(jvtpmDir);
            TestDirs.delete(swtpmDir);
        }
    }

    record Stats(double median, double mean, double p99, double min) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %7.1f us  mean %7.1f us  p99 %7.1f us  min %6.1f us",
                    median, mean, p99, min);
        }
    }

    private static Stats measure(int port, byte[] command, int warmup, int iterations) throws IOException {
        try (Wire w = Wire.tcp(port)) {
            for (int i = 0; i < warmup; i++) {
                check(w.transact(command));
            }
            long[] ns = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                byte[] rsp = w.transact(command);
                ns[i] = System.nanoTime() - t0;
                check(rsp);
            }
            Arrays.sort(ns);
            double mean = Arrays.stream(ns).average().orElse(0) / 1000.0;
            return new Stats(ns[iterations / 2] / 1000.0, mean, ns[(int) (iterations * 0.99)] / 1000.0, ns[0] / 1000.0);
        }
    }

    private static void check(byte[] rsp) {
        if (TpmCommands.rc(rsp) != 0 && TpmCommands.rc(rsp) != 0x143) {
            throw new IllegalStateException("TPM error 0x" + Integer.toHexString(TpmCommands.rc(rsp)));
        }
    }

    /** Pins every thread of a process to one CPU. */
    private static void pin(long pid, String cpu) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-a", "-p", "-c", cpu, Long.toString(pid)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("taskset failed for pid " + pid);
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Wire w = Wire.tcp(port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("port " + port + " did not open");
    }
}
