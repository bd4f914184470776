package dev.jvtpm.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of malformed streams replayed against the jvtpm daemon and swtpm 0.7.1 side by side:
 * truncated headers, size fields larger and smaller than what is sent, commands above the 4096-byte
 * buffer, TPM 1.2 tags, bad tags, seeded junk, and garbage on the control channel. Each stream goes
 * on a fresh connection, which the client then half-closes; everything either process sends back
 * before it closes the connection must be identical, and afterwards both serve good clients on
 * both channels. DataChannelTest and MisbehavingClientTest check the daemon alone against pinned
 * answers; this replays the same kinds of input against swtpm itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedStreamsDifferentialTest {
    /** How long a process may stay silent with the connection open before the reply counts as complete. */
    private static final int QUIET_MS = 2500;

    private TcpTpm jvtpm;
    private TcpTpm swtpm;

    @BeforeAll
    void start() throws Exception {
        jvtpm = TcpTpm.start(TcpTpm.Kind.JVTPM);
        swtpm = TcpTpm.start(TcpTpm.Kind.SWTPM);
        for (TcpTpm t : List.of(jvtpm, swtpm)) {
            assertThat(t.rc(TpmCommands.startup(TpmCommands.SU_CLEAR))).as(t + ": Startup(CLEAR)").isZero();
        }
    }

    @AfterAll
    void stop() throws Exception {
        try {
            jvtpm.close();
        } finally {
            swtpm.close();
        }
    }

    static Stream<Arguments> corpus() {
        Random random = new Random(0x5eed_2026L);
        List<Arguments> c = new ArrayList<>();
        data(c, "empty connection", "");
        data(c, "four bytes of a header", "80010000");
        data(c, "nine bytes of a header", "80010000000c000001");
        data(c, "a header without the GetRandom parameter", "80010000000a0000017b");
        data(c, "GetRandom with one byte of its parameter", "80010000000b0000017b00");
        data(c, "size field below the header", "8001000000050000017b0004");
        data(c, "size field 0", "8001000000000000017b0004");
        data(c, "size field 0x7fffffff", "80017fffffff0000017b");
        data(c, "4097-byte GetRandom", Hex.of(sized(4097)));
        data(c, "4096-byte GetRandom (trailing bytes inside the buffer)", Hex.of(sized(4096)));
        data(c, "TPM 1.2 TPM_Startup(ST_CLEAR)", "00c10000000c000000990001");
        data(c, "TPM 1.2 GetCapability", "00c100000012000000650000000500000000");
        data(c, "TPM 1.2 tag with a TPM 2.0 size field above the buffer", "00c1000100000000017b");
        data(c, "TPM_ST_ATTEST_QUOTE as a command tag", "80180000000c0000017b0004");
        data(c, "sessions tag without an authorization area", "80020000000c0000017b0004");
        data(c, "sessions tag, authorization size beyond the command",
                "8002000000180000017e" + "000000ff" + "00000001000b03000400");
        data(c, "sessions tag, authorization size 0", "8002000000180000017e" + "00000000" + "00000001000b03000400");
        data(c, "unknown command code", "80010000000a2fffffff");
        data(c, "GetCapability of an unknown capability, count 0xffffffff", "8001000000160000017a" + "12345678"
                + "00000100" + "ffffffff");
        data(c, "GetCapability with a trailing byte", "8001000000170000017a" + "00000006" + "00000100" + "00000001"
                + "00");
        for (int i = 0; i < 6; i++) {
            byte[] junk = new byte[16 + random.nextInt(200)];
            random.nextBytes(junk);
            data(c, "seeded junk #" + i, Hex.of(junk));
        }
        ctrl(c, "control: two bytes", "0000");
        ctrl(c, "control: unknown command", "000000ff");
        ctrl(c, "control: command 0", "00000000");
        ctrl(c, "control: INIT without its flags", "00000002");
        ctrl(c, "control: SET_LOCALITY 9", "0000000509");
        ctrl(c, "control: HASH_DATA longer than sent", "0000000700001000" + "00".repeat(16));
        ctrl(c, "control: ASCII", Hex.of("GET / HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        for (int i = 0; i < 3; i++) {
            byte[] junk = new byte[8 + random.nextInt(60)];
            random.nextBytes(junk);
            junk[0] = (byte) 0xA5; // never a real control command (SHUTDOWN would end the process)
            ctrl(c, "control: seeded junk #" + i, Hex.of(junk));
        }
        return c.stream();
    }

    private static void data(List<Arguments> c, String name, String hex) {
        c.add(Arguments.of(name, false, hex));
    }

    private static void ctrl(List<Arguments> c, String name, String hex) {
        c.add(Arguments.of(name, true, hex));
    }

    /** A GetRandom(8) whose size field and length are {@code n}: the parameter, then zero padding. */
    private static byte[] sized(int n) {
        return ByteBuffer.allocate(n).putShort((short) 0x8001).putInt(n).putInt(0x17B).putShort((short) 8).array();
    }

    /** What a process sends back on a fresh connection for {@code bytes}, and how the connection ended. */
    private static String replay(int port, byte[] bytes) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            s.shutdownOutput();
            s.setSoTimeout(QUIET_MS);
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            String end;
            while (true) {
                try {
                    int r = in.read(buf);
                    if (r < 0) {
                        end = "closed";
                        break;
                    }
                    got.write(buf, 0, r);
                } catch (SocketTimeoutException quiet) {
                    end = "open and quiet";
                    break;
                } catch (IOException reset) {
                    end = "reset";
                    break;
                }
            }
            return Hex.of(got.toByteArray()) + " (" + end + ")";
        }
    }

    private static void serves(TcpTpm t, String after) throws IOException {
        try (Wire d = Wire.tcp(t.port())) {
            assertThat(TpmCommands.rc(d.transact(TpmCommands.getRandom(8)))).as(t + " serves data after " + after)
                    .isZero();
        }
        try (Wire c = Wire.tcp(t.port() + 1)) {
            assertThat(c.exchange("00000001", 8)).as(t + " serves control after " + after).isEqualTo("000000000000ffff");
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 200 ? s : s.substring(0, 100) + "..." + s.substring(s.length() - 60) + " [" + s.length()
                + " chars]";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sameAnswerAsSwtpmAndBothKeepServing(String name, boolean control, String hex) throws Exception {
        byte[] bytes = Hex.bytes(hex);
        int offset = control ? 1 : 0;
        String want = replay(swtpm.port() + offset, bytes);
        String got = replay(jvtpm.port() + offset, bytes);
        assertThat(got.equals(want)).as(name + ": " + abbreviated(hex) + "\n jvtpm: " + abbreviated(got) + "\n swtpm: "
                + abbreviated(want)).isTrue();
        serves(swtpm, name);
        serves(jvtpm, name);
    }

    /**
     * Where the stream's size fields and its bytes disagree, swtpm 0.7.1 loses the framing (it
     * hands whatever one read() returned to libtpms, reference §2.1) while jvtpm frames by
     * commandSize, so the answers differ by design. jvtpm then answers exactly what swtpm answers
     * to each command framed on its own; where a size field cannot be honoured (above the buffer,
     * or more bytes than ever come) it answers at most once and closes the connection.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("framingCases")
    void whereSwtpmLosesTheFramingJvtpmAnswersAsSwtpmDoesToEachFramedCommand(String name, String stream,
                                                                           List<String> framed) throws Exception {
        StringBuilder want = new StringBuilder();
        for (String command : framed) {
            String answer = replay(swtpm.port(), Hex.bytes(command));
            want.append(answer, 0, answer.indexOf(' '));
        }
        String got = replay(jvtpm.port(), Hex.bytes(stream));
        String swtpmOnTheStream = replay(swtpm.port(), Hex.bytes(stream));
        assertThat(got).as(name + ": " + abbreviated(stream) + "\n (swtpm answers the stream itself with "
                + abbreviated(swtpmOnTheStream) + ")").isEqualTo(want + " (closed)");
        serves(swtpm, name);
        serves(jvtpm, name);
    }

    static Stream<Arguments> framingCases() {
        String badTag = "c4010000000c0000017b0004";
        String familyIndicator = "8001000000160000017a" + "00000006" + "00000100" + "00000001";
        String getRandom11 = "80010000000b0000017b00";
        return Stream.of(
                Arguments.of("a bad tag, then a good command in the same write", badTag + familyIndicator,
                        List.of(badTag, familyIndicator)),
                Arguments.of("two good commands in one write", familyIndicator + familyIndicator,
                        List.of(familyIndicator, familyIndicator)),
                Arguments.of("size field 1 byte smaller than sent", getRandom11 + "04", List.of(getRandom11)),
                Arguments.of("size field 2 bytes larger than sent", "80010000000e0000017b0004", List.of()),
                Arguments.of("8192 bytes declared and sent", Hex.of(sized(8192)), List.of(Hex.of(sized(4097)))));
    }
}
