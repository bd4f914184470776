package dev.jvtpm.daemon.testing;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** swtpm 0.7.1 started by a test, as {@link DaemonProcess} starts the jvtpm daemon. */
public final class SwtpmProcess {
    private SwtpmProcess() {}

    /**
     * Runs {@code swtpm args...} with its output in {@code log} and waits (up to
     * {@link DaemonProcess#START_TIMEOUT}) until each of {@code ports} accepts a connection.
     */
    public static Process start(List<String> args, Path log, int... ports) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("swtpm");
        cmd.addAll(args);
        Process swtpm = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + DaemonProcess.START_TIMEOUT.toNanos();
        for (int port : ports) {
            while (true) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    if (!swtpm.isAlive() || System.nanoTime() > deadline) {
                        swtpm.destroyForcibly();
                        throw new IOException("swtpm did not start: " + Files.readString(log));
                    }
                    Thread.sleep(20);
                }
            }
        }
        return swtpm;
    }
}
