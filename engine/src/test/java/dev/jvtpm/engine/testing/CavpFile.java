package dev.jvtpm.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A known-answer file in the NIST CAVP response format, read from {@code src/test/resources/kat/}:
 * {@code #} comments, {@code [Name = value]} or {@code [NAME]} section headers, and records of
 * {@code Name = value} lines separated by blank lines. A line without {@code =} (the GCM
 * {@code FAIL} marker) is a field with an empty value. Field names may repeat within a record
 * (the DRBG files list {@code AdditionalInput} twice), so a record keeps them in order.
 */
public final class CavpFile {
    private static final HexFormat HEX = HexFormat.of();

    private CavpFile() {}

    /** One record with the section headers in force where it appears. */
    public record Record(String file, int line, List<String> headers, List<Map.Entry<String, String>> fields) {
        /** The single value of {@code name}; fails the test when absent or repeated. */
        public String get(String name) {
            List<String> all = all(name);
            if (all.size() != 1) {
                throw new IllegalStateException(this + ": expected one " + name + ", found " + all.size());
            }
            return all.get(0);
        }

        public List<String> all(String name) {
            return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue)
                    .collect(Collectors.toList());
        }

        public boolean has(String name) {
            return fields.stream().anyMatch(f -> f.getKey().equals(name));
        }

        public byte[] hex(String name) {
            return HEX.parseHex(get(name));
        }

        public int integer(String name) {
            return Integer.parseInt(get(name));
        }

        /** True when a header {@code [name]} or {@code [name = ...]} is in force. */
        public boolean inSection(String name) {
            return headers.stream().anyMatch(h -> h.equals(name) || h.startsWith(name + " ="));
        }

        /** The value of header {@code [name = value]}. */
        public String header(String name) {
            return headers.stream().filter(h -> h.startsWith(name + " =")).findFirst()
                    .map(h -> h.substring(name.length() + 2).trim())
                    .orElseThrow(() -> new IllegalStateException(this + ": no header " + name));
        }

        @Override
        public String toString() {
            String first = fields.isEmpty() ? "" : " " + fields.get(0).getKey() + "=" + fields.get(0).getValue();
            return file + ":" + line + (headers.isEmpty() ? "" : " " + headers) + first;
        }
    }

    /** All records of {@code kat/<path>}. */
    public static List<Record> load(String path) {
        String resource = "/kat/" + path;
        try (InputStream in = CavpFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of several files, in order. */
    public static Stream<Record> loadAll(String... paths) {
        return Stream.of(paths).flatMap(p -> load(p).stream());
    }

    static List<Record> parse(String name, String text) {
        List<Record> records = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        boolean headersClosed = false;
        List<Map.Entry<String, String>> fields = null;
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                fields = close(records, name, start, headers, fields);
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                fields = close(records, name, start, headers, fields);
                if (headersClosed) {
                    headers = new ArrayList<>();
                    headersClosed = false;
                }
                headers.add(line.substring(1, line.length() - 1).strip());
                continue;
            }
            if (fields == null) {
                fields = new ArrayList<>();
                start = i + 1;
                headersClosed = true;
            }
            int eq = line.indexOf('=');
            fields.add(eq < 0 ? Map.entry(line, "") : Map.entry(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
        }
        close(records, name, start, headers, fields);
        return records;
    }

    private static List<Map.Entry<String, String>> close(List<Record> out, String file, int line, List<String> headers,
                                                         List<Map.Entry<String, String>> fields) {
        if (fields != null) {
            out.add(new Record(file, line, List.copyOf(headers), List.copyOf(fields)));
        }
        return null;
    }
}
