package dev.jvtpm.daemon.tools;

import dev.jvtpm.daemon.testing.Repo;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.nativebridge.UnixSockets;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prints how long {@code bin/jvtpm socket} takes from process start until its control socket
 * accepts a connection (libvirt allows one second), with and without the CDS archive, for a
 * Unix control socket (libvirt/QEMU) and for the TCP embedded defaults. Needs the daemon jar
 * ({@code ./mvnw -q -pl daemon -am package -DskipTests}). Measures, does not assert.
 *
 * <pre>
 *   java -cp daemon/target/test-classes:daemon/target/classes:$(cat /tmp/jvtpm.cp) \
 *        dev.jvtpm.daemon.tools.StartupLatency [runs]
 * </pre>
 */
public final class StartupLatency {
    private StartupLatency() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String launcher = Repo.root().resolve("bin/jvtpm").toString();
        // one untimed start creates the CDS archive if it is missing
        measure(launcher, Map.of(), true);
        String[][] variants = {
            {"unix ctrl, CDS", "1", "unix"}, {"unix ctrl, no CDS", "0", "unix"},
            {"tcp defaults, CDS", "1", "tcp"}, {"tcp defaults, no CDS", "0", "tcp"},
            {"swtpm 0.7.1 unix ctrl", "swtpm", "unix"},
        };
        System.out.printf(Locale.ROOT, "process start -> control socket connectable, %d runs each "
                + "(wall time; CPU = user+system time of all the process's threads until then)%n", runs);
        for (String[] v : variants) {
            long[] ms = new long[runs];
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long[] r = v[1].equals("swtpm") ? measure("swtpm", Map.of(), true)
                        : measure(launcher, Map.of("JVTPM_CDS", v[1]), v[2].equals("unix"));
                ms[i] = r[0];
                cpu[i] = r[1];
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%-22s wall median %4d ms (min %4d, max %4d)   CPU median %4d ms%n", v[0],
                    ms[runs / 2], ms[0], ms[runs - 1], cpu[runs / 2]);
        }
    }

    /** utime + stime of a process (all threads) in milliseconds, from /proc (10 ms resolution). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** {wall ms, CPU ms} from process start until the control socket accepted a connection. */
    private static long[] measure(String launcher, Map<String, String> env, boolean unix) throws Exception {
        Path dir = TestDirs.create();
        try {
            List<String> cmd = new ArrayList<>(List.of(launcher, "socket"));
            int port = 0;
            if (unix) {
                cmd.addAll(List.of("--tpm2", "--tpmstate", "dir=" + dir, "--ctrl", "type=unixio,path=" + dir.resolve("c")));
            } else {
                port = dev.jvtpm.daemon.testing.Ports.freePair();
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(new File("/dev/null"))
                    .redirectError(dir.resolve("err").toFile());
            pb.environment().putAll(env);
            pb.environment().put("HOME", dir.toString());
            pb.environment().remove("XDG_CONFIG_HOME");
            pb.environment().remove("XDG_DATA_HOME");
            if (!unix) {
                pb.environment().put("TPM_PORT", Integer.toString(port));
            }
            long t0 = System.nanoTime();
            Process p = pb.start();
            Socket s = null;
            while (s == null) {
                try {
                    s = unix ? UnixSockets.get().connect(dir.resolve("c")) : new Socket("127.0.0.1", port + 1);
                } catch (IOException notYet) {
                    if (!p.isAlive()) {
                        throw new IOException("daemon exited: " + Files.readString(dir.resolve("err")));
                    }
                    Thread.sleep(1);
                }
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long cpu = cpuMillis(p.pid());
            try (Socket c = s) {
                OutputStream out = c.getOutputStream();
                out.write(new byte[] {0, 0, 0, 3}); // CMD_SHUTDOWN
                c.getInputStream().readNBytes(4);
            }
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
            return new long[] {elapsed, cpu};
        } finally {
            TestDirs.delete(dir);
        }
    }
}
