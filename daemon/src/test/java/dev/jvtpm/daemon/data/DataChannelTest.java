package dev.jvtpm.daemon.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The data channel (reference §2): framing by the command's size field whatever the segment
 * boundaries, the optional MS-simulator prefix, lost framing, the in-band SetLocality vendor
 * command, one client at a time. Answers to the vendor command and to bad sizes were observed
 * from swtpm 0.7.1 on this machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataChannelTest {
    private Path dir;
    private DaemonProcess daemon;
    private int port;

    @BeforeAll
    void start() throws Exception {
        dir = TestDirs.create();
        port = Ports.freePair();
        daemon = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--server", "type=tcp,port=" + port, "--ctrl", "type=tcp,port=" + (port + 1),
                "--flags", "not-need-init,startup-clear", "--locality", "allow-set-locality,reject-locality-4");
        daemon.awaitTcp(port).awaitTcp(port + 1);
    }

    @AfterAll
    void stop() throws Exception {
        daemon.close();
        TestDirs.delete(dir);
    }

    @Test
    void aCommandSplitAcrossWritesIsOneCommand() throws Exception {
        byte[] cmd = TpmCommands.getRandom(16);
        try (Wire d = Wire.tcp(port)) {
            d.send(Arrays.copyOf(cmd, 3));
            Thread.sleep(50);
            d.send(Arrays.copyOfRange(cmd, 3, 11));
            Thread.sleep(50);
            d.send(Arrays.copyOfRange(cmd, 11, 12));
            byte[] rsp = d.readTpmResponse();
            assertThat(TpmCommands.rc(rsp)).isZero();
            assertThat(rsp).hasSize(10 + 2 + 16);
        }
    }

    @Test
    void severalCommandsInOneWriteGetOneAnswerEach() throws Exception {
        byte[] two = ByteBuffer.allocate(24).put(TpmCommands.getRandom(4)).put(TpmCommands.getRandom(8)).array();
        try (Wire d = Wire.tcp(port)) {
            d.send(two);
            assertThat(d.readTpmResponse()).hasSize(16);
            assertThat(d.readTpmResponse()).hasSize(20);
        }
    }

    @Test
    void theMssimPrefixIsUnderstoodAndAnsweredInKind() throws Exception {
        byte[] cmd = TpmCommands.getRandom(4);
        try (Wire d = Wire.tcp(port)) {
            d.send(ByteBuffer.allocate(9 + cmd.length).putInt(8).put((byte) 0).putInt(cmd.length).put(cmd).array());
            ByteBuffer r = ByteBuffer.wrap(d.read(4 + 16 + 4));
            assertThat(r.getInt()).isEqualTo(16);
            byte[] rsp = new byte[16];
            r.get(rsp);
            assertThat(Hex.of(rsp)).startsWith("80010000001000000000" + "0004");
            assertThat(r.getInt()).as("trailing ack").isZero();
            // a plain command on the same connection still works
            assertThat(TpmCommands.rc(d.transact(TpmCommands.getRandom(4)))).isZero();
            // locality 4 is rejected (--locality reject-locality-4), framed like the request
            d.send(ByteBuffer.allocate(9 + cmd.length).putInt(8).put((byte) 4).putInt(cmd.length).put(cmd).array());
            assertThat(Hex.of(d.read(18))).isEqualTo("0000000a" + "80010000000a00000907" + "00000000");
        }
    }

    @Test
    void aSizeFieldBelowTheHeaderGetsTheEnginesAnswerAndTheConnectionIsClosed() throws Exception {
        try (Wire d = Wire.tcp(port)) {
            d.send("8001 00000005 0000017b 0004");
            assertThat(Hex.of(d.read(10))).isEqualTo("80010000000a00000142");
            assertThat(d.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        assertGoodClientServed();
    }

    @Test
    void aHugeSizeFieldGetsTheEnginesAnswerAndTheConnectionIsClosed() throws Exception {
        try (Wire d = Wire.tcp(port)) {
            d.send("8001 7fffffff 0000017b");
            assertThat(Hex.of(d.read(10))).isEqualTo("80010000000a00000142");
            assertThat(d.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        assertGoodClientServed();
    }

    @Test
    void aBadTagWithAGoodSizeKeepsTheConnection() throws Exception {
        try (Wire d = Wire.tcp(port)) {
            assertThat(Hex.of(d.transact(Hex.bytes("c401 0000000c 0000017b 0004"))))
                    .isEqualTo("80010000000a" + String.format("%08x", TpmCommands.RC_BAD_TAG));
            assertThat(TpmCommands.rc(d.transact(TpmCommands.getRandom(4)))).isZero();
        }
    }

    @Test
    void theVendorSetLocalityCommandAnswersAsSwtpm() throws Exception {
        try (Wire d = Wire.tcp(port)) {
            assertThat(Hex.of(d.transact(Hex.bytes("8001 0000000b 20001000 03")))).isEqualTo("80010000000a00000000");
            assertThat(Hex.of(d.transact(Hex.bytes("8001 0000000b 20001000 04")))).isEqualTo("80010000000a00000107");
            assertThat(Hex.of(d.transact(Hex.bytes("8001 0000000b 20001000 09")))).isEqualTo("80010000000a00000107");
            assertThat(Hex.of(d.transact(Hex.bytes("8001 0000000a 20001000")))).isEqualTo("80010000000a0000009a");
            assertThat(Hex.of(d.transact(Hex.bytes("8001 0000000b 20001000 00")))).isEqualTo("80010000000a00000000");
        }
    }

    @Test
    void oneDataClientAtATime() throws Exception {
        try (Wire first = Wire.tcp(port); Wire second = Wire.tcp(port)) {
            assertThat(TpmCommands.rc(first.transact(TpmCommands.getRandom(4)))).isZero();
            second.send(TpmCommands.getRandom(4));
            assertThat(second.drain(Duration.ofMillis(300))).as("the second client waits").isEmpty();
            first.close();
            assertThat(TpmCommands.rc(second.readTpmResponse())).isZero();
        }
    }

    private void assertGoodClientServed() throws Exception {
        try (Wire d = Wire.tcp(port)) {
            assertThat(TpmCommands.rc(d.transact(TpmCommands.getRandom(8)))).isZero();
        }
    }
}
