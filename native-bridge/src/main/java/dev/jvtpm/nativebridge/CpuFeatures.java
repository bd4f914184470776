package dev.jvtpm.nativebridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU features that decide how fast the chain can be, as the kernel reports them in
 * /proc/cpuinfo: AES-NI, SHA-NI and CLMUL (HotSpot's AES/SHA/GHASH intrinsics), AVX2 (its wider
 * AES-CTR/GCM paths), RDRAND/RDSEED (the entropy provider).
 */
public final class CpuFeatures {
    /** The flags the report shows, /proc/cpuinfo names. */
    public static final List<String> REPORTED =
            List.of("aes", "sha_ni", "pclmulqdq", "avx2", "vaes", "vpclmulqdq", "rdrand", "rdseed");

    private final String source;
    private final Set<String> flags;

    private CpuFeatures(String source, Set<String> flags) {
        this.source = source;
        this.flags = flags;
    }

    /** Reads /proc/cpuinfo; on other systems the set is empty and the source says why. */
    public static CpuFeatures detect() {
        return parse(Path.of("/proc/cpuinfo"));
    }

    static CpuFeatures parse(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
                    Set<String> f = new TreeSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
                    return new CpuFeatures(cpuinfo.toString(), Set.copyOf(f));
                }
            }
            return new CpuFeatures(cpuinfo + " (no flags line)", Set.of());
        } catch (IOException e) {
            return new CpuFeatures(cpuinfo + " unreadable: " + e.getMessage(), Set.of());
        }
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** Each reported flag and whether the CPU has it, in {@link #REPORTED} order. */
    public Map<String, Boolean> reported() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (String f : REPORTED) {
            m.put(f, flags.contains(f));
        }
        return m;
    }

    /** "aes sha_ni pclmulqdq avx2 -vaes ... (from /proc/cpuinfo)": a leading '-' marks an absent feature. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (var e : reported().entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(e.getValue() ? "" : "-").append(e.getKey());
        }
        return sb.append(" (from ").append(source).append(')').toString();
    }
}
