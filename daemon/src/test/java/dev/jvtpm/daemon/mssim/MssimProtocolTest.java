package dev.jvtpm.daemon.mssim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MS-simulator protocol byte for byte (reference §6, ms-tpm-20-ref TcpServer.c): platform
 * signals, SEND_COMMAND with per-command locality, the handshake, the size statistics,
 * session end and stop.
 */
class MssimProtocolTest {
    private Path dir;
    private DaemonProcess daemon;
    private int port;

    @BeforeEach
    void start() throws Exception {
        dir = TestDirs.create();
        port = Ports.freePair();
        daemon = DaemonProcess.builder(dir).start("socket", "--tpm2", "--mssim", "--tpmstate", "dir=" + dir,
                "--server", "type=tcp,port=" + port).awaitTcp(port).awaitTcp(port + 1);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
        TestDirs.delete(dir);
    }

    private static String signal(Wire platform, int command) throws Exception {
        return platform.exchange(String.format("%08x", command), 4);
    }

    private static byte[] send(Wire tpm, int locality, byte[] command) throws Exception {
        tpm.send(ByteBuffer.allocate(9 + command.length).putInt(8).put((byte) locality).putInt(command.length)
                .put(command).array());
        int size = ByteBuffer.wrap(tpm.read(4)).getInt();
        byte[] rsp = tpm.read(size);
        assertThat(Hex.of(tpm.read(4))).as("trailing ack").isEqualTo("00000000");
        return rsp;
    }

    @Test
    void powerOnThenCommandsWithTheirLocality() throws Exception {
        try (Wire platform = Wire.tcp(port + 1); Wire tpm = Wire.tcp(port)) {
            assertThat(send(tpm, 0, TpmCommands.getRandom(4))).as("powered off: empty response").isEmpty();
            assertThat(signal(platform, 1)).isEqualTo("00000000"); // POWER_ON
            assertThat(signal(platform, 11)).isEqualTo("00000000"); // NV_ON
            assertThat(TpmCommands.rc(send(tpm, 0, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
            assertThat(TpmCommands.rc(send(tpm, 3, TpmCommands.getRandom(8)))).isZero();
            assertThat(Hex.of(send(tpm, 5, TpmCommands.getRandom(8)))).isEqualTo("80010000000a00000907");
            assertThat(signal(platform, 1)).as("POWER_ON while on changes nothing").isEqualTo("00000000");
            assertThat(TpmCommands.rc(send(tpm, 0, TpmCommands.getRandom(8)))).isZero();
            assertThat(signal(platform, 17)).as("RESET").isEqualTo("00000000");
            assertThat(TpmCommands.rc(send(tpm, 0, TpmCommands.getRandom(8)))).isEqualTo(TpmCommands.RC_INITIALIZE);
            assertThat(signal(platform, 2)).as("POWER_OFF").isEqualTo("00000000");
            assertThat(send(tpm, 0, TpmCommands.getRandom(8))).isEmpty();
            assertThat(signal(platform, 1)).isEqualTo("00000000");
            assertThat(TpmCommands.rc(send(tpm, 0, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
        }
    }

    /** TPM2_PP_Commands with the empty platform password: setList {ClockRateAdjust}, empty clearList. */
    private static byte[] ppCommandsSettingClockRateAdjust() {
        return ByteBuffer.allocate(10 + 4 + 4 + 9 + 12).putShort((short) 0x8002).putInt(10 + 4 + 4 + 9 + 12)
                .putInt(0x12D).putInt(0x4000000C).putInt(9).putInt(0x40000009).putShort((short) 0).put((byte) 0)
                .putShort((short) 0).putInt(1).putInt(0x130).putInt(0).array();
    }

    @Test
    void physicalPresenceSignalsGatePpCommands() throws Exception {
        try (Wire platform = Wire.tcp(port + 1); Wire tpm = Wire.tcp(port)) {
            signal(platform, 1);
            signal(platform, 11);
            assertThat(TpmCommands.rc(send(tpm, 0, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
            assertThat(TpmCommands.rc(send(tpm, 0, ppCommandsSettingClockRateAdjust())))
                    .as("TPM_RC_PP at session 1").isEqualTo(0x990);
            assertThat(signal(platform, 3)).as("PHYS_PRES_ON").isEqualTo("00000000");
            assertThat(TpmCommands.rc(send(tpm, 0, ppCommandsSettingClockRateAdjust()))).isZero();
            assertThat(signal(platform, 4)).as("PHYS_PRES_OFF").isEqualTo("00000000");
            assertThat(TpmCommands.rc(send(tpm, 0, ppCommandsSettingClockRateAdjust()))).isEqualTo(0x990);
        }
    }

    @Test
    void platformSignalsAreAcknowledged() throws Exception {
        try (Wire platform = Wire.tcp(port + 1)) {
            signal(platform, 1);
            for (int s : new int[] {3, 4, 9, 10, 11, 12, 13, 14, 18}) {
                assertThat(signal(platform, s)).as("signal " + s).isEqualTo("00000000");
            }
            // ACT_GET_SIGNALED: jvtpm implements no ACT, so none is signaled
            assertThat(platform.exchange("0000001a 40000110", 8)).isEqualTo("0000000000000000");
        }
    }

    @Test
    void handshakeAndTheCommandResponseSizes() throws Exception {
        try (Wire platform = Wire.tcp(port + 1); Wire tpm = Wire.tcp(port)) {
            assertThat(tpm.exchange("0000000f 00000001", 12)).isEqualTo("00000001" + "0000000d" + "00000000");
            signal(platform, 1);
            send(tpm, 0, TpmCommands.startup(TpmCommands.SU_CLEAR));
            assertThat(platform.exchange("00000019", 24)).startsWith("00000010"); // clears the record
            send(tpm, 0, TpmCommands.getRandom(32)); // 12-byte command, 44-byte response
            platform.send("00000019");
            assertThat(ByteBuffer.wrap(platform.read(4)).getInt()).isEqualTo(16);
            ByteBuffer b = ByteBuffer.wrap(platform.read(16)).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(b.getInt()).as("largest command, host order").isEqualTo(12);
            byte[] cc = new byte[4];
            b.get(cc);
            assertThat(Hex.of(cc)).as("its command code, as on the wire").isEqualTo("0000017b");
            assertThat(b.getInt()).isEqualTo(44);
            b.get(cc);
            assertThat(Hex.of(cc)).as("its response code").isEqualTo("00000000");
            assertThat(Hex.of(platform.read(4))).isEqualTo("00000000");
            assertThat(platform.exchange("00000019", 24)).isEqualTo("00000010" + "00".repeat(16) + "00000000");
        }
    }

    @Test
    void hashSignalsOnTheCommandPort() throws Exception {
        try (Wire platform = Wire.tcp(port + 1); Wire tpm = Wire.tcp(port)) {
            signal(platform, 1);
            send(tpm, 0, TpmCommands.startup(TpmCommands.SU_CLEAR));
            assertThat(tpm.exchange("00000005", 4)).isEqualTo("00000000");
            assertThat(tpm.exchange("00000006 00000005" + Hex.of("hello".getBytes(StandardCharsets.US_ASCII)), 4))
                    .isEqualTo("00000000");
            assertThat(tpm.exchange("00000007", 4)).isEqualTo("00000000");
            byte[] pcr = TpmCommands.pcrReadDigests(send(tpm, 0, TpmCommands.pcrReadSha256(17))).get(0);
            assertThat(pcr).isEqualTo(TpmCommands.sha256(new byte[32],
                    TpmCommands.sha256("hello".getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void unknownCommandsSessionEndAndHandshakeZeroCloseTheConnection() throws Exception {
        try (Wire platform = Wire.tcp(port + 1)) {
            assertThat(platform.exchange("00000063", 4)).isEqualTo("00000001");
            assertThat(platform.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        try (Wire tpm = Wire.tcp(port)) {
            tpm.send("00000063");
            assertThat(tpm.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        try (Wire tpm = Wire.tcp(port)) {
            tpm.send("0000000f 00000000");
            assertThat(tpm.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        try (Wire tpm = Wire.tcp(port)) {
            tpm.send("00000014");
            assertThat(tpm.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        try (Wire platform = Wire.tcp(port + 1)) {
            platform.send("00000014");
            assertThat(platform.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        try (Wire platform = Wire.tcp(port + 1)) {
            assertThat(signal(platform, 1)).isEqualTo("00000000");
        }
    }

    @Test
    void stopEndsTheSimulator() throws Exception {
        try (Wire platform = Wire.tcp(port + 1)) {
            platform.send("00000015");
            assertThat(daemon.awaitExit(Duration.ofSeconds(20))).isZero();
        }
    }
}
