package dev.jvtpm.daemon.tools;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmRc;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the round-trip latency over TCP of commands bound by the transport (TPM2_GetRandom(32),
 * TPM2_PCR_Extend, an unknown command) and of crypto-bound ones (TPM2_Sign with ECDSA P-256,
 * CreatePrimary RSA-2048 and ECC P-256 each followed by FlushContext), jvtpm's daemon against
 * swtpm 0.7.1 in the same run, everything (both servers and this client) pinned to one CPU so
 * scheduling is comparable. Not a test: it measures, it does not assert.
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
                byte[] cmd = commands[k];
                Stats j = measure(jvtpmPort, cmd, warmup, iterations);
                Stats s = measure(swtpmPort, cmd, warmup, iterations);
                print(names[k], j, s);
            }
            int heavy = Math.max(10, iterations / 1000);
            Stats[] sign = {signEcdsaP256(jvtpmPort, warmup / 10, iterations / 10),
                signEcdsaP256(swtpmPort, warmup / 10, iterations / 10)};
            print("Sign(ECDSA P-256)", sign[0], sign[1]);
            PublicArea rsa = Templates.rsa(Templates.STORAGE | NO_DA, 2048, Templates.AES128_CFB, Scheme.NULL);
            PublicArea ecc = Templates.ecc(Templates.STORAGE | NO_DA, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL);
            // A JVM needs a thousand or so runs of a path before C2 has compiled it; swtpm's C does not.
            print("CreatePrimary RSA", createPrimary(jvtpmPort, rsa, 2000, heavy * 5),
                    createPrimary(swtpmPort, rsa, 3, heavy * 5));
            print("CreatePrimary ECC", createPrimary(jvtpmPort, ecc, 2000, heavy * 20),
                    createPrimary(swtpmPort, ecc, 30, heavy * 20));
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

    private static final int NO_DA = 0x400;

    private static void print(String name, Stats j, Stats s) {
        System.out.printf(Locale.ROOT, "%-20s jvtpm  %s%n", name, j);
        System.out.printf(Locale.ROOT, "%-20s swtpm  %s%n", "", s);
        System.out.printf(Locale.ROOT, "%-20s ratio jvtpm/swtpm: median %.3f, mean %.3f%n", "",
                j.median / s.median, j.mean / s.mean);
    }

    /** TPM2_Sign of a SHA-256 digest by an ECDSA P-256 primary in the null hierarchy. */
    private static Stats signEcdsaP256(int port, int warmup, int iterations) throws IOException {
        PublicArea key = Templates.ecc(Templates.SIGNING | NO_DA, EccCurve.NIST_P256, SymDefObject.NULL, Scheme.NULL);
        try (Wire w = Wire.tcp(port)) {
            byte[] created = w.transact(ObjectCommands.createPrimary(TpmHandles.RH_NULL, key));
            check(created);
            int handle = ByteBuffer.wrap(created).getInt(10);
            byte[] sign = ObjectCommands.sign(handle, new byte[0], TpmCommands.sha256(new byte[] {7}),
                    ObjectCommands.scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256), ObjectCommands.nullHashcheck());
            try {
                return time(w, warmup, iterations, () -> w.transact(sign));
            } finally {
                check(w.transact(Commands.flushContext(handle)));
            }
        }
    }

    /** CreatePrimary in the owner hierarchy and FlushContext of the new handle, as one operation. */
    private static Stats createPrimary(int port, PublicArea template, int warmup, int iterations) throws IOException {
        byte[] create = ObjectCommands.createPrimary(TpmHandles.RH_OWNER, template);
        try (Wire w = Wire.tcp(port)) {
            return time(w, warmup, iterations, () -> {
                byte[] rsp = w.transact(create);
                check(rsp);
                return w.transact(Commands.flushContext(ByteBuffer.wrap(rsp).getInt(10)));
            });
        }
    }

    private interface Operation {
        byte[] run() throws IOException;
    }

    private static Stats time(Wire w, int warmup, int iterations, Operation op) throws IOException {
        for (int i = 0; i < warmup; i++) {
            check(op.run());
        }
        long[] ns = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            byte[] rsp = op.run();
            ns[i] = System.nanoTime() - t0;
            check(rsp);
        }
        Arrays.sort(ns);
        double mean = Arrays.stream(ns).average().orElse(0) / 1000.0;
        return new Stats(ns[iterations / 2] / 1000.0, mean, ns[(int) (iterations * 0.99)] / 1000.0, ns[0] / 1000.0);
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
            return time(w, warmup, iterations, () -> w.transact(command));
        }
    }

    private static void check(byte[] rsp) {
        if (TpmCommands.rc(rsp) != 0 && TpmCommands.rc(rsp) != TpmRc.COMMAND_CODE) {
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
