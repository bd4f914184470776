package dev.jvtpm.daemon.interop.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The crypto-agile event log parser and PCR replay, on logs captured from real guests and on built ones. */
class TcgEventLogTest {

    private static final int EV_SEPARATOR = 0x00000004;
    private static final int EV_S_CRTM_VERSION = 0x00000008;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "seabios-tis-swtpm, 13, '0,1,2,3,4,5,6,7'",
            "ovmf-crb-swtpm,    24, '0,1,2,3,4,5,6,7,9'"})
    void replayOfACapturedLogEqualsThePcrsTheGuestRead(String capture, int events, String touched) throws IOException {
        TcgEventLog log = TcgEventLog.parse(resource(capture + ".bin"));
        Map<PcrBank, Map<Integer, byte[]>> guest = pcrFile(resource(capture + ".pcrs"));

        assertThat(log.digestSizes()).containsExactly(
                Map.entry(0x0004, 20), Map.entry(0x000B, 32), Map.entry(0x000C, 48), Map.entry(0x000D, 64));
        assertThat(log.events()).hasSize(events);
        Map<PcrBank, Map<Integer, byte[]>> replay = log.replay();
        assertThat(replay.keySet()).containsExactly(PcrBank.values());
        Set<Integer> expectedTouched = Arrays.stream(touched.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
        for (PcrBank bank : PcrBank.values()) {
            assertThat(replay.get(bank).keySet()).as("PCRs extended in %s", bank).isEqualTo(expectedTouched);
            for (Map.Entry<Integer, byte[]> pcr : replay.get(bank).entrySet()) {
                assertThat(hex(pcr.getValue())).as("%s PCR %d", bank, pcr.getKey())
                        .isEqualTo(hex(guest.get(bank).get(pcr.getKey())));
            }
        }
    }

    @Test
    void ovmfLogStartsWithTheCrtmVersionAndCarriesEveryBankInEveryEvent() throws IOException {
        TcgEventLog log = TcgEventLog.parse(resource("ovmf-crb-swtpm.bin"));

        assertThat(log.events().get(0).eventType()).isEqualTo(EV_S_CRTM_VERSION);
        assertThat(log.events()).allSatisfy(e -> assertThat(e.digests().keySet()).containsExactly(0x0004, 0x000B, 0x000C, 0x000D));
    }

    @Test
    void eventsWithoutActionAreNotExtended() {
        byte[] measurement = new byte[32];
        Arrays.fill(measurement, (byte) 0x5a);
        byte[] log = new LogBuilder()
                .event(7, TcgEventLog.EV_NO_ACTION, measurement, "ignored".getBytes(StandardCharsets.US_ASCII))
                .event(7, EV_SEPARATOR, measurement, new byte[4])
                .bytes();

        Map<Integer, byte[]> sha256 = TcgEventLog.parse(log).replay().get(PcrBank.SHA256);

        assertThat(sha256.keySet()).containsExactly(7);
        assertThat(hex(sha256.get(7))).isEqualTo(hex(PcrBank.SHA256.extend(new byte[32], measurement)));
    }

    /** PC Client PFP StartupLocality event: PCR 0 starts at 00..03 when the TPM was started from locality 3. */
    @Test
    void startupLocalityEventSetsTheInitialValueOfPcr0() {
        byte[] startupLocality = ByteBuffer.allocate(17).put("StartupLocality\0".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 3).array();
        byte[] measurement = new byte[32];
        byte[] log = new LogBuilder()
                .event(0, TcgEventLog.EV_NO_ACTION, new byte[32], startupLocality)
                .event(0, EV_S_CRTM_VERSION, measurement, new byte[2])
                .bytes();

        byte[] initial = new byte[32];
        initial[31] = 3;
        assertThat(hex(TcgEventLog.parse(log).replay().get(PcrBank.SHA256).get(0)))
                .isEqualTo(hex(PcrBank.SHA256.extend(initial, measurement)));
    }

    @Test
    void truncatedLogIsRefusedWithItsOffset() throws IOException {
        byte[] log = resource("seabios-tis-swtpm.bin");

        assertThatThrownBy(() -> TcgEventLog.parse(Arrays.copyOf(log, log.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }

    @Test
    void sha1OnlyLogOfATpm12IsRefused() {
        byte[] log = new LogBuilder().signature("Spec ID Event02\0").bytes();

        assertThatThrownBy(() -> TcgEventLog.parse(log))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crypto-agile");
    }

    @Test
    void digestOfAnUndeclaredAlgorithmIsRefused() {
        byte[] log = new LogBuilder().rawEvent(ByteBuffer.allocate(4 + 4 + 4 + 2 + 32 + 4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0).putInt(EV_SEPARATOR).putInt(1).putShort((short) 0x0012).put(new byte[32]).putInt(0).array())
                .bytes();

        assertThatThrownBy(() -> TcgEventLog.parse(log))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x0012");
    }

    /** Builds a log declaring SHA-256 only, the smallest valid crypto-agile log. */
    private static final class LogBuilder {
        private String signature = "Spec ID Event03\0";
        private final ByteArrayOutputStream events = new ByteArrayOutputStream();

        LogBuilder signature(String s) {
            signature = s;
            return this;
        }

        LogBuilder event(int pcr, int type, byte[] sha256, byte[] data) {
            return rawEvent(ByteBuffer.allocate(4 + 4 + 4 + 2 + 32 + 4 + data.length).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(pcr).putInt(type).putInt(1).putShort((short) PcrBank.SHA256.algId()).put(sha256)
                    .putInt(data.length).put(data).array());
        }

        LogBuilder rawEvent(byte[] event) {
            events.writeBytes(event);
            return this;
        }

        byte[] bytes() {
            ByteBuffer spec = ByteBuffer.allocate(16 + 4 + 4 + 4 + 4 + 1).order(ByteOrder.LITTLE_ENDIAN)
                    .put(signature.getBytes(StandardCharsets.US_ASCII))
                    .putInt(0) // platformClass: client
                    .put((byte) 0).put((byte) 2).put((byte) 0).put((byte) 2) // spec 2.0 errata 0, UINTN 64-bit
                    .putInt(1).putShort((short) PcrBank.SHA256.algId()).putShort((short) 32)
                    .put((byte) 0); // no vendor info
            ByteBuffer header = ByteBuffer.allocate(4 + 4 + 20 + 4).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0).putInt(TcgEventLog.EV_NO_ACTION).put(new byte[20]).putInt(spec.capacity());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(header.array());
            out.writeBytes(spec.array());
            out.writeBytes(events.toByteArray());
            return out.toByteArray();
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TcgEventLogTest.class.getResourceAsStream("/qemu/eventlog/" + name)) {
            assertThat(in).as("test resource qemu/eventlog/%s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Map<PcrBank, Map<Integer, byte[]>> pcrFile(byte[] text) {
        Map<PcrBank, Map<Integer, byte[]>> pcrs = new EnumMap<>(PcrBank.class);
        for (String line : List.of(new String(text, StandardCharsets.US_ASCII).split("\n"))) {
            String[] f = line.trim().split(" ");
            pcrs.computeIfAbsent(PcrBank.fromSysfsName(f[0]), b -> new TreeMap<>())
                    .put(Integer.valueOf(f[1]), HexFormat.of().parseHex(f[2]));
        }
        return pcrs;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
