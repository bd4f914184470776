package dev.jvtpm.daemon.interop.tools;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Tools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A TPM that tpm2-tools talk to over tcti-swtpm: the jvtpm daemon, or swtpm 0.7.1 as the reference,
 * each on free ports with its own state and working directory, started with not-need-init and then
 * TPM2_Startup(CLEAR) by tpm2_startup.
 */
abstract class ToolTarget implements AutoCloseable {
    final String name;
    final Path dir;
    final int port;

    private ToolTarget(String name, Path dir, int port) {
        this.name = name;
        this.dir = dir;
        this.port = port;
    }

    static ToolTarget jvtpm() throws Exception {
        Path dir = TestDirs.create();
        int port = Ports.freePair();
        Files.createDirectories(dir.resolve("state"));
        DaemonProcess daemon = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir.resolve("state"),
                "--server", "type=tcp,port=" + port, "--ctrl", "type=tcp,port=" + (port + 1), "--flags", "not-need-init")
                .awaitTcp(port).awaitTcp(port + 1);
        ToolTarget t = new ToolTarget("jvtpm", dir, port) {
            @Override
            void stop() throws Exception {
                daemon.close();
            }
        };
        t.tool("tpm2_startup", "-c").assertOk();
        return t;
    }

    static ToolTarget swtpm() throws Exception {
        Path dir = TestDirs.create();
        int port = Ports.freePair();
        Files.createDirectories(dir.resolve("state"));
        Process p = new ProcessBuilder("swtpm", "socket", "--tpm2", "--tpmstate", "dir=" + dir.resolve("state"),
                "--server", "type=tcp,port=" + port + ",bindaddr=127.0.0.1",
                "--ctrl", "type=tcp,port=" + (port + 1) + ",bindaddr=127.0.0.1", "--flags", "not-need-init")
                .redirectErrorStream(true).redirectOutput(dir.resolve("swtpm.log").toFile()).start();
        awaitPort(p, port + 1);
        ToolTarget t = new ToolTarget("swtpm", dir, port) {
            @Override
            void stop() throws Exception {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        };
        t.tool("tpm2_startup", "-c").assertOk();
        return t;
    }

    private static void awaitPort(Process p, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("swtpm exited with " + p.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IOException("swtpm did not open port " + port);
    }

    abstract void stop() throws Exception;

    /**
     * Runs a tool against this TPM in its directory; {@code @name} arguments are files of the
     * directory (also after {@code session:}). Without a resource manager every tool leaves the objects it loaded in the TPM's
     * three slots (the tools keep them in context files), so transient objects are flushed after
     * each tool, as tpm2-abrmd or the kernel's resource manager would.
     */
    Tools.Result tool(String... cmd) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : cmd) {
            args.add(a.startsWith("@") ? dir.resolve(a.substring(1)).toString()
                    : a.startsWith("session:@") ? "session:" + dir.resolve(a.substring(9)) : a);
        }
        Map<String, String> env = Map.of("TPM2TOOLS_TCTI", "swtpm:host=127.0.0.1,port=" + port);
        Tools.Result r = Tools.run(Duration.ofSeconds(120), env, args);
        if (!cmd[0].equals("tpm2_flushcontext")) {
            Tools.run(Duration.ofSeconds(60), env, List.of("tpm2_flushcontext", "-t")).assertOk();
        }
        return r;
    }

    /** Runs another program (openssl) in this TPM's directory. */
    Tools.Result run(String... cmd) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : cmd) {
            args.add(a.startsWith("@") ? dir.resolve(a.substring(1)).toString() : a);
        }
        return Tools.run(Duration.ofSeconds(60), Map.of(), args);
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            TestDirs.delete(dir);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
