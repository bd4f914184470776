package dev.jvtpm.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of the gate: the score (ops/s) of one benchmark configuration divided by another's,
 * both measured in the same run, must reach {@code minimum}. Lines read
 * {@code name | Bench.method[param=value,...] | Bench.method[...] | minimum | what it protects}.
 */
record GateRatio(String name, Config numerator, Config denominator, double minimum, String protects) {
    /** A benchmark method with fixed parameter values (parameters not named keep their defaults). */
    record Config(String benchmark, Map<String, String> params) {
        static Config parse(String s) {
            s = s.trim();
            int open = s.indexOf('[');
            if (open < 0) {
                return new Config(s, Map.of());
            }
            if (!s.endsWith("]")) {
                throw new IllegalArgumentException("unclosed parameter list in " + s);
            }
            Map<String, String> params = new TreeMap<>();
            for (String kv : s.substring(open + 1, s.length() - 1).split(",")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    throw new IllegalArgumentException("parameter without value in " + s);
                }
                params.put(p[0].trim(), p[1].trim());
            }
            return new Config(s.substring(0, open).trim(), Map.copyOf(params));
        }

        /** "SymmetricBench.aesCfb1k[provider=chain]". */
        @Override
        public String toString() {
            if (params.isEmpty()) {
                return benchmark;
            }
            StringBuilder sb = new StringBuilder(benchmark).append('[');
            new TreeMap<>(params).forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append(k).append('=').append(v));
            return sb.append(']').toString();
        }

        /** Whether a measured configuration (all its parameters) matches this one. */
        boolean matches(String measuredBenchmark, Map<String, String> measuredParams) {
            if (!measuredBenchmark.equals(benchmark)) {
                return false;
            }
            for (var e : params.entrySet()) {
                if (!e.getValue().equals(measuredParams.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Reads ratio lines; '#' starts a comment, blank lines are skipped. */
    static List<GateRatio> read(Reader in) throws IOException {
        List<GateRatio> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\|");
            if (f.length != 5) {
                throw new IllegalArgumentException("gate line " + lineNo + ": expected 5 fields separated by '|'");
            }
            out.add(new GateRatio(f[0].trim(), Config.parse(f[1]), Config.parse(f[2]), Double.parseDouble(f[3].trim()),
                    f[4].trim()));
        }
        return out;
    }
}
