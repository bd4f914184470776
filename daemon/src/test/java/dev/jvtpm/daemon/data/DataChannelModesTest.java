package dev.jvtpm.daemon.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import dev.jvtpm.nativebridge.UnixSockets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data-channel options (reference §2.4, §2.5): {@code ,disconnect} and the legacy {@code -p},
 * a Unix data socket, a TPM that needs CMD_INIT (fatal answers, also with the mssim prefix),
 * the vendor SetLocality without {@code allow-set-locality}, and --terminate over TCP.
 */
class DataChannelModesTest {
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = TestDirs.create();
    }

    @AfterEach
    void clean() {
        TestDirs.delete(dir);
    }

    @Test
    void disconnectClosesAfterEachResponse() throws Exception {
        int port = Ports.free();
        try (DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--server", "type=tcp,port=" + port + ",disconnect", "--flags", "startup-clear").awaitTcp(port)) {
            for (int i = 0; i < 3; i++) {
                try (Wire w = Wire.tcp(port)) {
                    assertThat(TpmCommands.rc(w.transact(TpmCommands.getRandom(4)))).isZero();
                    assertThat(w.closedByPeer(Duration.ofSeconds(5))).isTrue();
                }
            }
        }
    }

    @Test
    void legacyPortOptionIsTcpWithDisconnect() throws Exception {
        int port = Ports.free();
        try (DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "-p", Integer.toString(port), "--flags", "not-need-init,startup-clear").awaitTcp(port);
             Wire w = Wire.tcp(port)) {
            assertThat(TpmCommands.rc(w.transact(TpmCommands.getRandom(4)))).isZero();
            assertThat(w.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void unixDataSocketBeforeInitAnswersFatallyAlsoWithThePrefix() throws Exception {
        Path data = dir.resolve("data");
        Path ctrl = dir.resolve("ctrl");
        try (DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--server", "type=unixio,path=" + data, "--ctrl", "type=unixio,path=" + ctrl)
                .awaitPath(data).awaitPath(ctrl);
             Wire w = Wire.of(UnixSockets.get().connect(data))) {
            assertThat(Hex.of(w.transact(TpmCommands.getRandom(4)))).isEqualTo(TpmCommands.FATAL);
            byte[] cmd = TpmCommands.getRandom(4);
            w.send(ByteBuffer.allocate(9 + cmd.length).putInt(8).put((byte) 0).putInt(cmd.length).put(cmd).array());
            assertThat(Hex.of(w.read(18))).isEqualTo("0000000a" + TpmCommands.FATAL + "00000000");
            assertThat(Hex.of(w.transact(Hex.bytes("8001 0000000b 20001000 03")))).isEqualTo(TpmCommands.FATAL);
            try (Wire c = Wire.unix(ctrl)) {
                assertThat(c.exchange("00000002 00000000", 4)).isEqualTo("00000000");
            }
            assertThat(TpmCommands.rc(w.transact(TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
            // without --locality allow-set-locality the vendor command is answered like the fatal error
            assertThat(Hex.of(w.transact(Hex.bytes("8001 0000000b 20001000 03")))).isEqualTo(TpmCommands.FATAL);
        }
    }

    @Test
    void terminateEndsTheDaemonWhenTheTcpClientLeaves() throws Exception {
        int port = Ports.free();
        Path pid = dir.resolve("pid");
        try (DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--server", "type=tcp,port=" + port, "--flags", "startup-clear", "--terminate",
                "--pid", "file=" + pid).awaitTcp(port)) {
            // awaitTcp's probe connection already counted as the one data connection
            assertThat(d.awaitExit(Duration.ofSeconds(20))).isZero();
            assertThat(pid).doesNotExist();
        }
    }
}
