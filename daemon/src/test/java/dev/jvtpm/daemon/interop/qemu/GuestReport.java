package dev.jvtpm.daemon.interop.qemu;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code /init} (test resource {@code qemu/init.sh}) printed on the serial console: named
 * sections between {@code @@JVTPM-BEGIN name@@} and {@code @@JVTPM-END name@@}, and the final
 * {@code @@JVTPM-DONE@@}. Anything else on the console (firmware, kernel) is ignored.
 */
final class GuestReport {

    private static final String BEGIN = "@@JVTPM-BEGIN ";
    private static final String END = "@@JVTPM-END ";
    private static final String DONE = "@@JVTPM-DONE@@";
    private static final String MARK_TAIL = "@@";

    private final Map<String, List<String>> sections;
    private final boolean done;

    private GuestReport(Map<String, List<String>> sections, boolean done) {
        this.sections = sections;
        this.done = done;
    }

    static GuestReport parse(String console) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        boolean done = false;
        String open = null;
        List<String> lines = null;
        for (String line : console.lines().toList()) {
            // Firmware escape sequences may precede a marker on the same line.
            int begin = line.indexOf(BEGIN);
            int end = line.indexOf(END);
            if (begin >= 0 && line.endsWith(MARK_TAIL)) {
                open = line.substring(begin + BEGIN.length(), line.length() - MARK_TAIL.length());
                lines = new ArrayList<>();
            } else if (end >= 0 && open != null && line.substring(end + END.length()).equals(open + MARK_TAIL)) {
                sections.put(open, Collections.unmodifiableList(lines));
                open = null;
            } else if (line.contains(DONE)) {
                done = true;
            } else if (open != null) {
                lines.add(line);
            }
        }
        return new GuestReport(Collections.unmodifiableMap(sections), done);
    }

    /** True once {@code /init} reached its last line, i.e. every check ran. */
    boolean done() {
        return done;
    }

    /** The lines of a completed section, or empty if it never completed. */
    Optional<List<String>> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    Map<String, List<String>> sections() {
        return sections;
    }

    /** The first line of a section, or empty. */
    Optional<String> firstLine(String name) {
        return section(name).filter(l -> !l.isEmpty()).map(l -> l.get(0).trim());
    }

    /** Section {@code pcrs}: bank → PCR index → value, as the guest's sysfs showed them. */
    Map<PcrBank, Map<Integer, byte[]>> pcrs() {
        Map<PcrBank, Map<Integer, byte[]>> pcrs = new EnumMap<>(PcrBank.class);
        for (String line : section("pcrs").orElse(List.of())) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 3) {
                throw new IllegalArgumentException("malformed PCR line from the guest: " + line);
            }
            pcrs.computeIfAbsent(PcrBank.fromSysfsName(f[0]), b -> new TreeMap<>())
                    .put(Integer.parseInt(f[1]), HexFormat.of().parseHex(f[2]));
        }
        return pcrs;
    }

    /** Section {@code eventlog}: the firmware event log, if the guest had one. */
    Optional<byte[]> eventLog() {
        if (!firstLine("eventlog-status").equals(Optional.of("present"))) {
            return Optional.empty();
        }
        return section("eventlog").map(lines -> Base64.getDecoder().decode(String.join("", lines).trim()));
    }

    /** Section {@code ima}: lines of IMA's ascii_runtime_measurements. */
    List<String> imaMeasurements() {
        return section("ima").orElse(List.of()).stream().filter(l -> !l.isBlank()).toList();
    }

    /** Section {@code getrandom}: each raw TPM2_GetRandom response, as hex lines. */
    List<String> getRandomResponses() {
        return section("getrandom").orElse(List.of()).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
