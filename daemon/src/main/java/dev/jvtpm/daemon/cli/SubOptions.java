package dev.jvtpm.daemon.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The value of a swtpm-style option such as {@code --server type=tcp,port=2321,disconnect}:
 * comma-separated {@code name=value} parameters, or a bare {@code name} meaning
 * {@code name=true}. Follows swtpm 0.7.1's options.c: an unknown name (or {@code name=} with an
 * empty value) is an error; numbers are decimal, modes octal and at most 0777; booleans are true
 * for {@code true}/{@code 1} (any case) and false otherwise; uid/gid accept numbers or names;
 * when a parameter is repeated the first one counts.
 */
public final class SubOptions {
    /** How a parameter's value is parsed. */
    public enum Type { STRING, INT, UINT, BOOLEAN, MODE, UID, GID }

    /** A parameter an option accepts. */
    public record Param(String name, Type type) {}

    private final Map<String, Object> values;

    private SubOptions(Map<String, Object> values) {
        this.values = values;
    }

    public static Param param(String name, Type type) {
        return new Param(name, type);
    }

    /**
     * Parses {@code text} given to {@code option} (e.g. "--server").
     *
     * @throws UsageError naming the option and the offending parameter
     */
    public static SubOptions parse(String option, String text, Param... accepted) throws UsageError {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String token : text.split(",")) {
            if (token.isEmpty()) {
                continue; // strtok skips empty tokens
            }
            Param match = null;
            String value = null;
            for (Param p : accepted) {
                int n = p.name().length();
                if (token.length() > n + 1 && token.charAt(n) == '=' && token.startsWith(p.name())) {
                    match = p;
                    value = token.substring(n + 1);
                    break;
                }
                if (token.equals(p.name())) {
                    match = p;
                    value = "true";
                    break;
                }
            }
            if (match == null) {
                throw new UsageError(option + ": unknown parameter '" + token + "' (accepted: "
                        + List.of(accepted).stream().map(Param::name).collect(Collectors.joining(", ")) + ")");
            }
            Object parsed = convert(option, match, value);
            values.putIfAbsent(match.name(), parsed);
        }
        return new SubOptions(values);
    }

    private static Object convert(String option, Param p, String v) throws UsageError {
        switch (p.type()) {
            case STRING:
                return v;
            case INT:
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new UsageError(option + ": invalid number '" + v + "' for " + p.name());
                }
            case UINT:
                try {
                    long l = Long.parseLong(v);
                    if (l < 0 || l > 0xFFFFFFFFL) {
                        throw new NumberFormatException();
                    }
                    return l;
                } catch (NumberFormatException e) {
                    throw new UsageError(option + ": invalid number '" + v + "' for " + p.name());
                }
            case BOOLEAN:
                return v.equalsIgnoreCase("true") || v.equals("1");
            case MODE:
                try {
                    int m = Integer.parseInt(v, 8);
                    if (m < 0 || m > 0777) {
                        throw new UsageError(option + ": mode " + v + " is invalid (at most 0777)");
                    }
                    return m;
                } catch (NumberFormatException e) {
                    throw new UsageError(option + ": invalid mode '" + v + "' for " + p.name() + " (octal)");
                }
            case UID:
            case GID:
                return ownerId(option, p, v);
            default:
                throw new AssertionError(p.type());
        }
    }

    private static Integer ownerId(String option, Param p, String v) throws UsageError {
        boolean group = p.type() == Type.GID;
        try {
            long l = Long.parseLong(v);
            if (l < 0 || l > 0xFFFFFFFFL) {
                throw new UsageError(option + ": " + p.name() + " " + v + " outside valid range");
            }
            return (int) l;
        } catch (NumberFormatException notNumeric) {
            try {
                return lookupId(v, group);
            } catch (IOException e) {
                throw new UsageError(option + ": " + (group ? "group" : "user") + " '" + v + "' does not exist");
            }
        }
    }

    /** Asks the user database (files, LDAP, ...) through getent, as getpwnam/getgrnam would. */
    private static int lookupId(String name, boolean group) throws IOException {
        Process proc = new ProcessBuilder("getent", group ? "group" : "passwd", name).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (proc.waitFor() != 0 || out.isEmpty()) {
                throw new IOException("no such " + (group ? "group" : "user") + " " + name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try {
            return (int) Long.parseLong(out.split(":")[2]);
        } catch (RuntimeException e) {
            throw new IOException("unexpected getent output for " + name, e);
        }
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (String) v;
    }

    public int integer(String name, int dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (Integer) v;
    }

    public long unsigned(String name, long dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (Long) v;
    }

    public boolean bool(String name, boolean dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (Boolean) v;
    }

    public int mode(String name, int dflt) {
        Object v = values.get(name);
        return v == null ? dflt : (Integer) v;
    }

    /** A uid or gid, or null when absent. */
    public Integer owner(String name) {
        return (Integer) values.get(name);
    }
}
