package dev.jvtpm.nativebridge;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether HotSpot uses its crypto intrinsics here (they turn themselves off on CPUs without the
 * instructions, and can be switched off by flags, e.g. to cross-check intrinsic output).
 */
public final class JvmIntrinsics {
    private JvmIntrinsics() {}

    /**
     * UseAES and UseSHA are product flags (true when the CPU has the instructions and HotSpot uses
     * them); the per-intrinsic ones are diagnostic flags, visible only with
     * -XX:+UnlockDiagnosticVMOptions.
     */
    public static final List<String> FLAGS = List.of("UseAES", "UseSHA", "UseAESIntrinsics", "UseAESCTRIntrinsics", "UseGHASHIntrinsics",
            "UseSHA1Intrinsics", "UseSHA256Intrinsics", "UseSHA512Intrinsics", "UseMontgomeryMultiplyIntrinsic",
            "UseMultiplyToLenIntrinsic");

    /** Flag name to value ("true"/"false"), or "hidden" where the JVM does not expose the flag. */
    public static Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        HotSpotDiagnosticMXBean bean;
        try {
            bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            bean = null;
        }
        for (String f : FLAGS) {
            String v = "hidden";
            if (bean != null) {
                try {
                    v = bean.getVMOption(f).getValue();
                } catch (IllegalArgumentException absent) {
                    v = "hidden";
                }
            }
            m.put(f, v);
        }
        return m;
    }

    /** "UseAES=true UseSHA=true ..." with hidden flags left out and counted. */
    public static String summary() {
        StringBuilder sb = new StringBuilder();
        int hidden = 0;
        for (var e : flags().entrySet()) {
            if (e.getValue().equals("hidden")) {
                hidden++;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        if (hidden > 0) {
            sb.append(" (").append(hidden).append(" per-intrinsic flags need -XX:+UnlockDiagnosticVMOptions to show)");
        }
        return sb.toString();
    }
}
