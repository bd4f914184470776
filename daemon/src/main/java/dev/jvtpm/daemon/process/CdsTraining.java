package dev.jvtpm.daemon.process;

import dev.jvtpm.daemon.Main;
import dev.jvtpm.nativebridge.UnixSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The training run bin/jvtpm uses to create a Class Data Sharing archive: it starts a daemon
 * in this JVM (temporary state directory, Unix control and data sockets, not-need-init) and
 * drives it like QEMU and tpm2-tools would, so the archive holds the classes of a real start-up
 * and of the first commands. Not meant to be run by hand.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("jvtpm-cds");
        Path ctrl = dir.resolve("ctrl");
        Path data = dir.resolve("data");
        Thread client = new Thread(() -> drive(ctrl, data), "cds-client");
        client.setDaemon(true);
        client.start();
        int rc = Main.run(new String[] {"socket", "--tpm2", "--tpmstate", "dir=" + dir,
            "--ctrl", "type=unixio,path=" + ctrl, "--server", "type=unixio,path=" + data,
            "--flags", "not-need-init,startup-clear", "--log", "file=" + dir.resolve("log") + ",level=2",
            "--pid", "file=" + dir.resolve("pid"), "--key", "pwdfile=" + passphrase(dir) + ",mode=aes-256-cbc"});
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.exit(rc);
    }

    private static Path passphrase(Path dir) throws IOException {
        return Files.writeString(dir.resolve("pwd"), "cds training\n");
    }

    private static void drive(Path ctrlPath, Path dataPath) {
        try {
            UnixSockets sockets = UnixSockets.get();
            Socket ctrl = connect(sockets, ctrlPath);
            ask(ctrl, "00000001", 8);                                   // GET_CAPABILITY
            ask(ctrl, "0000000500", 4);                                 // SET_LOCALITY 0
            ask(ctrl, "0000001100000000", 16);                          // SET_BUFFERSIZE query
            Socket data = connect(sockets, dataPath);
            ask(data, "80010000000c0000017b0008", 20);                  // GetRandom(8)
            ask(data, "8001000000160000017a000000060000010000000040", 0); // GetCapability(fixed props)
            data.close();
            ask(ctrl, "0000001200000000000000030000000000000000", 0);   // GET_INFO(3)
            byte[] blobHeader = ask(ctrl, "0000000c000000010000000100000000", 16); // GET_STATEBLOB permanent
            long rest = ((blobHeader[12] & 0xFFL) << 24) | ((blobHeader[13] & 0xFF) << 16)
                    | ((blobHeader[14] & 0xFF) << 8) | (blobHeader[15] & 0xFF);
            ctrl.getInputStream().skipNBytes(rest - (blobHeader.length - 16));
            ask(ctrl, "00000003", 4);                                   // SHUTDOWN
        } catch (IOException | InterruptedException e) {
            System.exit(2);
        }
    }

    private static Socket connect(UnixSockets sockets, Path path) throws IOException, InterruptedException {
        for (int i = 0; ; i++) {
            try {
                return sockets.connect(path);
            } catch (IOException e) {
                if (i > 300) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    /** Sends hex bytes and reads the answer (at least {@code min} bytes, or one read). */
    private static byte[] ask(Socket s, String hex, int min) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(HexFormat.of().parseHex(hex));
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        int got = in.read(buf);
        while (got >= 0 && got < min) {
            int n = in.read(buf, got, buf.length - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        return java.util.Arrays.copyOf(buf, Math.max(got, 0));
    }
}
