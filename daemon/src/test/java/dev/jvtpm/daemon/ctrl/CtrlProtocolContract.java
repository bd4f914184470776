package dev.jvtpm.daemon.ctrl;

import static dev.jvtpm.daemon.testing.TpmCommands.FATAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The control channel byte for byte (reference §1): the observed 0.7.1 exchanges of §1.6, the
 * body-size checks and running-state gating of §1.1/§1.3, the result codes of §1.2. Runs
 * against a real daemon, once over a Unix and once over a TCP control socket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CtrlProtocolContract {
    Path dir;
    DaemonProcess daemon;
    int dataPort;

    /** The --ctrl option value for this variant. */
    abstract String ctrlOption() throws IOException;

    abstract Wire ctrl() throws IOException;

    abstract void awaitCtrl(DaemonProcess d) throws Exception;

    @BeforeAll
    void start() throws Exception {
        dir = TestDirs.create();
        dataPort = Ports.free();
        daemon = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--ctrl", ctrlOption(), "--server", "type=tcp,port=" + dataPort,
                "--log", "file=" + dir.resolve("log") + ",level=20");
        awaitCtrl(daemon);
        daemon.awaitTcp(dataPort);
    }

    @AfterAll
    void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        TestDirs.delete(dir);
    }

    private String ask(String hex, int responseLength) throws IOException {
        try (Wire c = ctrl()) {
            String answer = c.exchange(hex, responseLength);
            // error answers are only the 4-byte result: nothing may follow
            assertThat(c.drain(Duration.ofMillis(100))).as("bytes after the answer to " + hex).isEmpty();
            return answer;
        }
    }

    private void init() throws IOException {
        assertThat(ask("00000002 00000000", 4)).isEqualTo("00000000");
    }

    private void stopTpm() throws IOException {
        assertThat(ask("0000000e", 4)).isEqualTo("00000000");
    }

    private byte[] data(byte[] command) throws IOException {
        try (Wire d = Wire.tcp(dataPort)) {
            return d.transact(command);
        }
    }

    private void started() throws IOException {
        init();
        assertThat(TpmCommands.rc(data(TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
    }

    @Test
    void getCapabilityReportsEveryCommandOf071() throws IOException {
        assertThat(ask("00000001", 8)).isEqualTo("000000000000ffff");
    }

    @Test
    void initStartsTheTpmAndDataCommandsWork() throws IOException {
        started();
        assertThat(ask("0000000b 03", 4)).isEqualTo("00000000");
        assertThat(ask("00000004", 8)).isEqualTo("0000000000000000");
        assertThat(Hex.of(data(TpmCommands.getRandom(8)))).startsWith("800100000014000000000008");
    }

    @Test
    void beforeInitDataCommandsGetTheFatalResponseAndTheConnectionStaysOpen() throws IOException {
        stopTpm();
        try (Wire d = Wire.tcp(dataPort)) {
            assertThat(Hex.of(d.transact(TpmCommands.readClock()))).isEqualTo(FATAL);
            assertThat(Hex.of(d.transact(TpmCommands.getRandom(4)))).isEqualTo(FATAL);
        }
        assertThat(ask("00000004", 4)).isEqualTo("0000000a");
        init();
    }

    @Test
    void setLocalityTakesOneAndFourByteBodies() throws IOException {
        assertThat(ask("00000005 00", 4)).isEqualTo("00000000");       // tcti-swtpm
        assertThat(ask("00000005 03000000", 4)).isEqualTo("00000000"); // QEMU
        assertThat(ask("00000005 04", 4)).isEqualTo("00000000");
        assertThat(ask("00000005 05", 4)).isEqualTo("0000003d");
        assertThat(ask("00000005 ff000000", 4)).isEqualTo("0000003d");
        assertThat(ask("00000005 00000000", 4)).isEqualTo("00000000");
    }

    @Test
    void setBufferSizeQueriesWhileRunningAndSetsOnlyWhenStopped() throws IOException {
        init();
        assertThat(ask("00000011 00000000", 16)).isEqualTo("00000000 00001000 00000af8 00001000".replace(" ", ""));
        assertThat(ask("00000011 00000bb8", 4)).isEqualTo("0000000a");
        stopTpm();
        assertThat(ask("00000011 00000bb8", 16)).isEqualTo("0000000000000bb800000af800001000");
        assertThat(ask("00000011 00000010", 16)).isEqualTo("0000000000000af800000af800001000"); // clamped up
        assertThat(ask("00000011 7fffffff", 16)).isEqualTo("000000000000100000000af800001000"); // clamped down
        assertThat(ask("00000011 00000000", 16)).isEqualTo("000000000000100000000af800001000");
        assertThat(ask("00000011 0000", 4)).isEqualTo("00000003");
        init();
    }

    @Test
    void getConfigReportsTheStateKey() throws IOException {
        // jvtpm always seals its state, so the file-key flag is always set
        assertThat(ask("0000000f", 8)).isEqualTo("0000000000000001");
        assertThat(ask("0000000f 00", 4)).isEqualTo("00000003");
    }

    @Test
    void getInfoFollowsOffsetAndLengthSemantics() throws IOException {
        String json;
        try (Wire c = ctrl()) {
            c.send("00000012 0000000000000007 00000000 00000000");
            ByteBuffer h = ByteBuffer.wrap(c.read(12));
            assertThat(h.getInt()).isZero();
            int total = h.getInt();
            int len = h.getInt();
            assertThat(len).isEqualTo(total);
            byte[] text = c.read(len);
            assertThat(text[len - 1]).as("NUL terminator").isZero();
            json = new String(text, 0, len - 1, StandardCharsets.UTF_8);
        }
        assertThat(json).startsWith("{\"TPMSpecification\":{\"family\":\"2.0\",\"level\":0,\"revision\":")
                .contains("\"TPMAttributes\":{\"manufacturer\":\"id:").contains("\"TPMFeatures\":{\"RSAKeySizes\":[");
        // from an offset: the rest of the string and its NUL
        try (Wire c = ctrl()) {
            c.send("00000012 0000000000000007 00000005 00000000");
            ByteBuffer h = ByteBuffer.wrap(c.read(12));
            assertThat(h.getInt()).isZero();
            assertThat(h.getInt()).isEqualTo(json.length() + 1);
            assertThat(h.getInt()).isEqualTo(json.length() + 1 - 5);
            assertThat(new String(c.read(json.length() + 1 - 5), StandardCharsets.UTF_8))
                    .isEqualTo(json.substring(5) + "\0");
        }
        String atEnd = String.format("%08x", json.length());
        assertThat(ask("00000012 0000000000000007 " + atEnd + " 00000000", 4)).isEqualTo("00000003");
        assertThat(ask("00000012 0000000000000000 00000000 00000000", 15))
                .isEqualTo("00000000" + "00000003" + "00000003" + Hex.of("{}\0".getBytes(StandardCharsets.US_ASCII)));
        assertThat(ask("00000012 00000000000000", 4)).isEqualTo("00000003");
    }

    @Test
    void getStateBlobOfPermanentAndMissingBlobs() throws IOException {
        init();
        try (Wire c = ctrl()) {
            c.send("0000000c 00000001 00000001 00000000");
            ByteBuffer h = ByteBuffer.wrap(c.read(16));
            assertThat(h.getInt()).isZero();
            assertThat(h.getInt()).as("flags: decrypted").isZero();
            int total = h.getInt();
            assertThat(h.getInt()).isEqualTo(total);
            assertThat(total).isPositive();
            byte[] blob = c.read(total);
            assertThat(new String(blob, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("JVTS");
        }
        try (Wire c = ctrl()) {
            c.send("0000000c 00000000 00000001 00000000");
            ByteBuffer h = ByteBuffer.wrap(c.read(16));
            assertThat(h.getInt()).isZero();
            assertThat(h.getInt()).as("flags: encrypted").isEqualTo(2);
            byte[] sealed = c.read(h.getInt());
            assertThat(new String(sealed, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("JVTPMENC");
        }
        String missing = "00000800000000000000000000000000";
        assertThat(ask("0000000c 00000001 00000003 00000000", 16)).isEqualTo(missing); // TPM 2 has no savestate
        assertThat(ask("0000000c 00000001 00000004 00000000", 16)).isEqualTo(missing); // 0.7.1: bad type too
        try (Wire c = ctrl()) {
            // shorter than GET_STATEBLOB's 16 bytes: swtpm waits 500 ms, then drops the client unanswered
            c.send("0000000c 00000001 00000001");
            assertThat(c.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void getStateBlobFromAnOffsetReturnsTheRemainder() throws IOException {
        init();
        byte[] whole;
        try (Wire c = ctrl()) {
            c.send("0000000c 00000001 00000001 00000000");
            ByteBuffer h = ByteBuffer.wrap(c.read(16));
            h.getInt();
            h.getInt();
            whole = c.read(h.getInt());
        }
        try (Wire c = ctrl()) {
            c.send("0000000c 00000001 00000001 00000064");
            ByteBuffer h = ByteBuffer.wrap(c.read(16));
            assertThat(h.getInt()).isZero();
            h.getInt();
            int total = h.getInt();
            assertThat(total).isEqualTo(whole.length - 100);
            assertThat(h.getInt()).isEqualTo(total);
            assertThat(c.read(total)).isEqualTo(Arrays.copyOfRange(whole, 100, whole.length));
        }
        assertThat(ask("0000000c 00000001 00000001 00100000", 16)).isEqualTo("00000000000000000000000000000000");
    }

    @Test
    void unknownCommandsAreBadOrdinal() throws IOException {
        assertThat(ask("00000055", 4)).isEqualTo("0000000a");
        assertThat(ask("00000013 0000012c", 4)).as("LOCK_STORAGE is swtpm 0.8").isEqualTo("0000000a");
        assertThat(ask("00000000", 4)).isEqualTo("0000000a");
        assertThat(ask("ffffffff 00000000", 4)).isEqualTo("0000000a");
    }

    @Test
    void bodySizesAreCheckedExactlyAsSwtpmDoes() throws IOException {
        init();
        assertThat(ask("00000002 0000000000000000", 4)).as("INIT with 8 body bytes").isEqualTo("00000003");
        assertThat(ask("0000000e 00", 4)).as("STOP with a body").isEqualTo("00000003");
        assertThat(ask("00000004 00", 4)).isEqualTo("00000003");
        assertThat(ask("00000006 00", 4)).isEqualTo("00000003");
        assertThat(ask("00000008 00", 4)).isEqualTo("00000003");
        assertThat(ask("00000009 00", 4)).isEqualTo("00000003");
        assertThat(ask("0000000a 00", 4)).isEqualTo("00000003");
        assertThat(ask("00000003 00", 4)).as("SHUTDOWN with a body is refused, daemon stays").isEqualTo("00000003");
        assertThat(ask("00000001 00000000", 8)).as("GET_CAPABILITY ignores a body").isEqualTo("000000000000ffff");
        assertThat(ask("00000004", 8)).isEqualTo("0000000000000000");
    }

    @Test
    void commandsNeedingARunningTpmAreBadOrdinalWhenStopped() throws IOException {
        stopTpm();
        for (String cmd : new String[] {"00000004", "00000006", "00000007 00000001 41", "00000008", "00000009",
            "0000000a", "0000000b 03", "0000000c 00000001 00000001 00000000"}) {
            assertThat(ask(cmd, 4)).as(cmd).isEqualTo("0000000a");
        }
        // not gated: GET_CAPABILITY, SET_LOCALITY, GET_CONFIG, GET_INFO, SET_BUFFERSIZE
        assertThat(ask("00000005 00", 4)).isEqualTo("00000000");
        assertThat(ask("0000000f", 8)).startsWith("00000000");
        init();
        assertThat(ask("0000000d 00000000 00000001 00000000", 4)).as("SET_STATEBLOB while running")
                .isEqualTo("0000000a");
    }

    @Test
    void drtmHashSequenceExtendsPcr17AndSetsTpmEstablished() throws IOException {
        started();
        assertThat(ask("0000000b 03", 4)).isEqualTo("00000000"); // start from a cleared flag
        assertThat(ask("00000005 04", 4)).isEqualTo("00000000");
        assertThat(ask("00000006", 4)).isEqualTo("00000000");
        assertThat(ask("00000007 00000005 " + Hex.of("hello".getBytes(StandardCharsets.US_ASCII)), 4))
                .isEqualTo("00000000");
        assertThat(ask("00000008", 4)).isEqualTo("00000000");
        assertThat(ask("00000005 00", 4)).isEqualTo("00000000");
        byte[] rsp = data(TpmCommands.pcrReadSha256(17, 18));
        assertThat(TpmCommands.rc(rsp)).isZero();
        byte[] expected = TpmCommands.sha256(new byte[32], TpmCommands.sha256("hello".getBytes(StandardCharsets.US_ASCII)));
        assertThat(TpmCommands.pcrReadDigests(rsp).get(0)).isEqualTo(expected);
        assertThat(TpmCommands.pcrReadDigests(rsp).get(1)).isEqualTo(new byte[32]);
        assertThat(ask("00000004", 8)).isEqualTo("0000000001000000");
        assertThat(ask("0000000b 00", 4)).as("reset from locality 0").isEqualTo("0000003d");
        assertThat(ask("0000000b 05000000", 4)).isEqualTo("0000003d");
        assertThat(ask("0000000b 03000000", 4)).isEqualTo("00000000");
        assertThat(ask("00000004", 8)).isEqualTo("0000000000000000");
    }

    @Test
    void hashDataLongerThanOneBufferIsReadInLoops() throws IOException {
        started();
        byte[] payload = new byte[10_000];
        Arrays.fill(payload, (byte) 'x');
        assertThat(ask("00000006", 4)).isEqualTo("00000000");
        try (Wire c = ctrl()) {
            c.send(ByteBuffer.allocate(8).putInt(7).putInt(payload.length).array());
            c.send(payload);
            assertThat(Hex.of(c.read(4))).isEqualTo("00000000");
        }
        assertThat(ask("00000008", 4)).isEqualTo("00000000");
        byte[] rsp = data(TpmCommands.pcrReadSha256(17));
        assertThat(TpmCommands.pcrReadDigests(rsp).get(0))
                .isEqualTo(TpmCommands.sha256(new byte[32], TpmCommands.sha256(payload)));
        assertThat(ask("0000000b 04", 4)).isEqualTo("00000000");
    }

    @Test
    void storeVolatileWritesTheFileAndInitWithDeleteVolatileRemovesIt() throws IOException {
        started();
        assertThat(ask("0000000a", 4)).isEqualTo("00000000");
        assertThat(dir.resolve("tpm2-00.volatilestate")).exists();
        assertThat(ask("00000002 00000001", 4)).isEqualTo("00000000");
        assertThat(dir.resolve("tpm2-00.volatilestate")).doesNotExist();
        // resumed from the volatile state: started without TPM2_Startup
        assertThat(TpmCommands.rc(data(TpmCommands.getRandom(4)))).isZero();
    }

    @Test
    void initWithoutVolatileStateNeedsStartup() throws IOException {
        init();
        assertThat(TpmCommands.rc(data(TpmCommands.getRandom(4)))).isEqualTo(TpmCommands.RC_INITIALIZE);
    }

    @Test
    void cancelIsAcknowledged() throws IOException {
        init();
        assertThat(ask("00000009", 4)).isEqualTo("00000000");
    }

    @Test
    void setDataFdWithoutADescriptorIsBadParameter() throws IOException {
        assertThat(ask("00000010", 4)).isEqualTo("00000003");
    }

    @Test
    void aMessageCollectedFromSeveralWritesWithin500msIsOneMessage() throws Exception {
        try (Wire c = ctrl()) {
            c.send("00000002");
            Thread.sleep(100);
            c.send("00000000");
            assertThat(Hex.of(c.read(4))).isEqualTo("00000000");
        }
    }

    @Test
    void anIncompleteMessageIsDroppedAfter500msWithoutAnAnswer() throws Exception {
        try (Wire c = ctrl()) {
            c.send("000000");
            assertThat(c.drain(Duration.ofMillis(1500))).isEmpty();
        }
        try (Wire c = ctrl()) {
            c.send("00000002 0000");
            assertThat(c.closedByPeer(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(ask("00000001", 8)).isEqualTo("000000000000ffff");
    }

    @Test
    void oneClientAtATime() throws Exception {
        try (Wire first = ctrl(); Wire second = ctrl()) {
            assertThat(first.exchange("00000001", 8)).isEqualTo("000000000000ffff");
            second.send("00000001");
            assertThat(second.drain(Duration.ofMillis(300))).as("second client waits").isEmpty();
            first.close();
            assertThat(Hex.of(second.read(8))).isEqualTo("000000000000ffff");
        }
    }

    @Test
    void theLogDumpsBytesAtLevel20() throws IOException {
        ask("00000001", 8);
        assertThat(Files.readString(dir.resolve("log"))).contains(" Ctrl Cmd: length 4").contains("00 00 00 01");
    }
}
