package dev.jvtpm.engine.differential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A data-driven script of commands and platform signals, replayed against two TPMs. One step per
 * line; text after {@code #} is the step's description; blank lines and lines that start with
 * {@code #} are comments.
 * <pre>
 *   = 8001 0000000c 00000144 0000   # responses must be identical
 *   ~ 8001 0000000c 0000017b 0008   # tag, size and response code must be identical
 *   init                            # _TPM_Init (swtpm CMD_INIT, flags 0)
 *   locality 3                      # CMD_SET_LOCALITY
 *   hash-start | hash-data 68656c6c6f | hash-end
 *   = 8001 00001000 0000017b 0008 pad:4096   # zero-filled up to 4096 bytes
 * </pre>
 * Hex may contain spaces. The script runs over {@link TpmTarget}s, so the same file can be
 * replayed against the jvtpm daemon over its socket.
 */
public final class CommandCorpus {
    /** One line of the script. */
    public record Step(int line, String kind, byte[] bytes, String description) {}

    private final String name;
    private final List<Step> steps;

    private CommandCorpus(String name, List<Step> steps) {
        this.name = name;
        this.steps = steps;
    }

    public static CommandCorpus load(String resource) {
        InputStream in = CommandCorpus.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no resource " + resource);
        }
        List<Step> steps = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String description = "";
                int hash = text.indexOf('#');
                if (hash >= 0) {
                    description = text.substring(hash + 1).strip();
                    text = text.substring(0, hash).strip();
                }
                steps.add(parse(n, text, description));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommandCorpus(resource, steps);
    }

    private static Step parse(int line, String text, String description) {
        String[] parts = text.split("\\s+", 2);
        String kind = parts[0];
        String arg = parts.length > 1 ? parts[1] : "";
        int padTo = -1;
        int pad = arg.indexOf("pad:");
        if (pad >= 0) {
            padTo = Integer.parseInt(arg.substring(pad + 4).strip());
            arg = arg.substring(0, pad);
        }
        arg = arg.replaceAll("\\s+", "");
        switch (kind) {
            case "=":
            case "~":
            case "hash-data": {
                byte[] bytes = HexFormat.of().parseHex(arg);
                return new Step(line, kind, padTo > bytes.length ? Arrays.copyOf(bytes, padTo) : bytes, description);
            }
            case "locality":
                return new Step(line, kind, new byte[] {(byte) Integer.parseInt(arg)}, description);
            case "init":
            case "hash-start":
            case "hash-end":
                return new Step(line, kind, new byte[0], description);
            default:
                throw new IllegalArgumentException("line " + line + ": unknown step '" + kind + "'");
        }
    }

    public List<Step> steps() {
        return steps;
    }

    /** Runs every step on both TPMs and returns a description of each mismatch (empty when all agree). */
    public List<String> run(Differential d) {
        List<String> mismatches = new ArrayList<>();
        for (Step s : steps) {
            String what = name + ":" + s.line() + " (" + s.description() + ")";
            try {
                switch (s.kind()) {
                    case "=": d.same(what, s.bytes()); break;
                    case "~": d.sameCode(what, s.bytes()); break;
                    case "init": d.powerCycle(); break;
                    case "locality": d.locality(s.bytes()[0]); break;
                    case "hash-start": d.hashStart(); break;
                    case "hash-data": d.hashData(s.bytes()); break;
                    case "hash-end": d.hashEnd(); break;
                    default: throw new IllegalStateException(s.kind());
                }
            } catch (AssertionError e) {
                mismatches.add(e.getMessage());
            }
        }
        return mismatches;
    }
}
