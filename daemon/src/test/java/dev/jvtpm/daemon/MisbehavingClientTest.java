package dev.jvtpm.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Clients that break the rules: garbage and random junk on both channels, half a command and
 * then silence, a hang-up in the middle of a command, an absurd size field. After each, a good
 * client is served and the control channel answers, and while a data client stalls the control
 * channel keeps working. The daemon runs with a 1.5 s idle timeout so stalls resolve quickly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisbehavingClientTest {
    private static final int IDLE_MS = 1500;
    private Path dir;
    private DaemonProcess daemon;
    private int port;
    private final Random random = new Random(20240601);

    @BeforeAll
    void start() throws Exception {
        dir = TestDirs.create();
        port = Ports.freePair();
        daemon = DaemonProcess.builder(dir).jvmOption("-Djvtpm.idleTimeoutMillis=" + IDLE_MS)
                .start("socket", "--tpm2", "--tpmstate", "dir=" + dir, "--server", "type=tcp,port=" + port,
                        "--ctrl", "type=tcp,port=" + (port + 1), "--flags", "not-need-init,startup-clear");
        daemon.awaitTcp(port).awaitTcp(port + 1);
    }

    @AfterAll
    void stop() throws Exception {
        assertThat(daemon.alive()).as("the daemon survived everything").isTrue();
        daemon.close();
        TestDirs.delete(dir);
    }

    private void assertHealthy() throws Exception {
        try (Wire d = Wire.tcp(port)) {
            assertThat(TpmCommands.rc(d.transact(TpmCommands.getRandom(16)))).isZero();
        }
        try (Wire c = Wire.tcp(port + 1)) {
            assertThat(c.exchange("00000001", 8)).isEqualTo("000000000000ffff");
        }
    }

    private byte[] junk(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void randomJunkOnTheDataChannel() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Wire d = Wire.tcp(port)) {
                d.send(junk(1 + random.nextInt(200)));
                d.drain(Duration.ofMillis(50));
            }
        }
        assertHealthy();
    }

    @Test
    void randomJunkOnTheControlChannel() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (Wire c = Wire.tcp(port + 1)) {
                byte[] b = junk(1 + random.nextInt(300));
                if ((b[0] | b[1] | b[2]) == 0 && b[3] == 3) {
                    b[3] = 0x55; // junk must not happen to be CMD_SHUTDOWN
                }
                c.send(b);
                c.drain(Duration.ofMillis(50));
            }
        }
        assertHealthy();
    }

    @Test
    void asciiGarbageOnBothChannels() throws Exception {
        byte[] text = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Wire d = Wire.tcp(port)) {
            d.send(text);
            d.drain(Duration.ofMillis(200));
        }
        try (Wire c = Wire.tcp(port + 1)) {
            assertThat(c.exchange(dev.jvtpm.daemon.testing.Hex.of(text), 4)).isEqualTo("0000000a");
        }
        assertHealthy();
    }

    @Test
    void halfACommandThenSilenceIsDroppedWhileTheControlChannelWorks() throws Exception {
        try (Wire stalled = Wire.tcp(port)) {
            stalled.send(new byte[] {(byte) 0x80, 0x01, 0, 0, 0, 0x0c});
            // the control channel is not blocked by the stalled data client
            try (Wire c = Wire.tcp(port + 1)) {
                assertThat(c.exchange("00000001", 8)).isEqualTo("000000000000ffff");
                assertThat(c.exchange("00000005 00", 4)).isEqualTo("00000000");
            }
            assertThat(stalled.closedByPeer(Duration.ofMillis(IDLE_MS * 10L))).as("dropped after the idle timeout")
                    .isTrue();
        }
        assertHealthy();
    }

    @Test
    void hangUpInTheMiddleOfACommand() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (Wire d = Wire.tcp(port)) {
                d.send(java.util.Arrays.copyOf(TpmCommands.pcrReadSha256(0, 1), 7));
            }
        }
        try (Wire c = Wire.tcp(port + 1)) {
            c.send("0000000d 00000000 00000001 00001000 0102");
        }
        assertHealthy();
    }

    @Test
    void anAbsurdSizeField() throws Exception {
        try (Wire d = Wire.tcp(port)) {
            d.send("8001 ffffffff 0000017b 0004");
            assertThat(TpmCommands.rc(d.readTpmResponse())).isEqualTo(TpmCommands.RC_COMMAND_SIZE);
            assertThat(d.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        try (Wire c = Wire.tcp(port + 1)) {
            // a SET_STATEBLOB announcing 4 GiB: swtpm's reader waits 500 ms for it, then drops the client
            c.send("0000000d 00000000 00000001 ffffffff");
            assertThat(c.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        assertHealthy();
    }

    @Test
    void anIdleControlClientDoesNotBlockTheDataChannel() throws Exception {
        try (Wire idle = Wire.tcp(port + 1)) {
            for (int i = 0; i < 3; i++) {
                try (Wire d = Wire.tcp(port)) {
                    assertThat(TpmCommands.rc(d.transact(TpmCommands.getRandom(8)))).isZero();
                }
            }
        }
        assertHealthy();
    }
}
