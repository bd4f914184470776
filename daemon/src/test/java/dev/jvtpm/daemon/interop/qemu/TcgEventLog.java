package dev.jvtpm.daemon.interop.qemu;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A firmware measurement log in the TCG crypto-agile format (TCG PC Client Platform Firmware
 * Profile): one SHA-1-format {@code TCG_PCClientPCREvent} carrying the
 * {@code TCG_EfiSpecIDEvent} ("Spec ID Event03"), then {@code TCG_PCR_EVENT2} records. This is
 * what Linux exposes as {@code /sys/kernel/security/tpm0/binary_bios_measurements} for a TPM 2.0.
 * All integers are little-endian. Malformed input is refused with an
 * {@link IllegalArgumentException} naming the offset.
 */
final class TcgEventLog {

    /** EV_NO_ACTION: informational, never extended into a PCR. */
    static final int EV_NO_ACTION = 0x00000003;

    private static final byte[] SPEC_ID_SIGNATURE = "Spec ID Event03\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STARTUP_LOCALITY_SIGNATURE = "StartupLocality\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SHA1_DIGEST_SIZE = 20;
    private static final int MAX_EVENT_SIZE = 1 << 24;

    /** One TCG_PCR_EVENT2: the digests are keyed by TPM_ALG_ID, in log order. */
    record Event(int pcrIndex, int eventType, Map<Integer, byte[]> digests, byte[] data) {
        Event {
            digests = Collections.unmodifiableMap(new LinkedHashMap<>(digests));
        }
    }

    private final Map<Integer, Integer> digestSizes;
    private final List<Event> events;

    private TcgEventLog(Map<Integer, Integer> digestSizes, List<Event> events) {
        this.digestSizes = Collections.unmodifiableMap(digestSizes);
        this.events = Collections.unmodifiableList(events);
    }

    /** TPM_ALG_ID to digest size, as declared by the Spec ID event, in declaration order. */
    Map<Integer, Integer> digestSizes() {
        return digestSizes;
    }

    /** The TCG_PCR_EVENT2 records after the header, in log order. */
    List<Event> events() {
        return events;
    }

    static TcgEventLog parse(byte[] log) {
        ByteBuffer in = ByteBuffer.wrap(log).order(ByteOrder.LITTLE_ENDIAN);
        try {
            Map<Integer, Integer> sizes = parseHeader(in);
            List<Event> events = new ArrayList<>();
            while (in.hasRemaining()) {
                events.add(parseEvent(in, sizes));
            }
            return new TcgEventLog(sizes, events);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("event log truncated at offset " + in.position() + " of " + log.length, e);
        }
    }

    /**
     * Replays every extending event: the value each PCR the log touches must hold, per bank the
     * log declares. PCRs start at zero, except PCR 0 when a StartupLocality event says the TPM was
     * started from locality 3 or 4 (its last byte is then that locality). PCRs the log never
     * extends are absent from the result.
     */
    Map<PcrBank, Map<Integer, byte[]>> replay() {
        Map<PcrBank, Map<Integer, byte[]>> pcrs = new EnumMap<>(PcrBank.class);
        for (int algId : digestSizes.keySet()) {
            pcrs.put(PcrBank.fromAlgId(algId), new TreeMap<>());
        }
        Integer startupLocality = null;
        for (Event e : events) {
            if (e.eventType() == EV_NO_ACTION) {
                if (e.pcrIndex() == 0 && startsWith(e.data(), STARTUP_LOCALITY_SIGNATURE)
                        && e.data().length > STARTUP_LOCALITY_SIGNATURE.length) {
                    startupLocality = e.data()[STARTUP_LOCALITY_SIGNATURE.length] & 0xff;
                }
                continue;
            }
            for (Map.Entry<Integer, byte[]> d : e.digests().entrySet()) {
                PcrBank bank = PcrBank.fromAlgId(d.getKey());
                byte[] current = pcrs.get(bank).get(e.pcrIndex());
                if (current == null) {
                    current = new byte[bank.digestSize()];
                    if (e.pcrIndex() == 0 && startupLocality != null) {
                        current[current.length - 1] = (byte) (int) startupLocality;
                    }
                }
                pcrs.get(bank).put(e.pcrIndex(), bank.extend(current, d.getValue()));
            }
        }
        return pcrs;
    }

    private static Map<Integer, Integer> parseHeader(ByteBuffer in) {
        int pcrIndex = in.getInt();
        int eventType = in.getInt();
        byte[] sha1 = bytes(in, SHA1_DIGEST_SIZE);
        int eventSize = size(in);
        if (pcrIndex != 0 || eventType != EV_NO_ACTION || !Arrays.equals(sha1, new byte[SHA1_DIGEST_SIZE])) {
            throw new IllegalArgumentException("first event is not the EV_NO_ACTION Spec ID header");
        }
        ByteBuffer spec = ByteBuffer.wrap(bytes(in, eventSize)).order(ByteOrder.LITTLE_ENDIAN);
        if (!Arrays.equals(bytes(spec, SPEC_ID_SIGNATURE.length), SPEC_ID_SIGNATURE)) {
            throw new IllegalArgumentException("header is not \"Spec ID Event03\": not a crypto-agile (TPM 2.0) log");
        }
        spec.getInt(); // platformClass
        spec.get(); // specVersionMinor
        spec.get(); // specVersionMajor
        spec.get(); // specErrata
        spec.get(); // uintnSize
        int count = spec.getInt();
        if (count <= 0 || count > 16) {
            throw new IllegalArgumentException("Spec ID event declares " + count + " digest algorithms");
        }
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int algId = Short.toUnsignedInt(spec.getShort());
            int digestSize = Short.toUnsignedInt(spec.getShort());
            sizes.put(algId, digestSize);
        }
        int vendorInfoSize = Byte.toUnsignedInt(spec.get());
        bytes(spec, vendorInfoSize);
        return sizes;
    }

    private static Event parseEvent(ByteBuffer in, Map<Integer, Integer> sizes) {
        int start = in.position();
        int pcrIndex = in.getInt();
        int eventType = in.getInt();
        int count = in.getInt();
        if (count < 0 || count > sizes.size()) {
            throw new IllegalArgumentException("event at offset " + start + " has " + Integer.toUnsignedString(count) + " digests");
        }
        Map<Integer, byte[]> digests = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int algId = Short.toUnsignedInt(in.getShort());
            Integer size = sizes.get(algId);
            if (size == null) {
                throw new IllegalArgumentException(String.format(
                        "event at offset %d has a digest of TPM_ALG_ID 0x%04x the Spec ID event does not declare", start, algId));
            }
            digests.put(algId, bytes(in, size));
        }
        byte[] data = bytes(in, size(in));
        return new Event(pcrIndex, eventType, digests, data);
    }

    private static int size(ByteBuffer in) {
        int size = in.getInt();
        if (size < 0 || size > MAX_EVENT_SIZE) {
            throw new IllegalArgumentException("implausible event size " + Integer.toUnsignedString(size) + " at offset " + (in.position() - 4));
        }
        return size;
    }

    private static byte[] bytes(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
