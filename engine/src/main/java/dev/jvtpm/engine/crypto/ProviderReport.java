package dev.jvtpm.engine.crypto;

import java.util.List;

/**
 * The text of {@code jvtpm providers} and of the start-up log: per family the chosen provider and
 * why, and every other provider that could have served it with the reason it did not. Host facts
 * (CPU features, JVM intrinsics, library versions) come from whoever knows them (native-bridge).
 */
public final class ProviderReport {
    private ProviderReport() {}

    public static String format(CryptoSuite suite, List<String> hostFacts) {
        StringBuilder sb = new StringBuilder();
        sb.append("crypto providers (policy ").append(suite.policy()).append("; chain order: ")
                .append(suite.chainOrder()).append(")\n");
        int width = 0;
        for (CryptoSuite.Choice c : suite.report()) {
            width = Math.max(width, c.family().length());
        }
        for (CryptoSuite.Choice c : suite.report()) {
            sb.append("  ").append(pad(c.family(), width)).append("  ").append(c.provider())
                    .append(" - ").append(c.reason()).append('\n');
            for (String alt : c.alternatives()) {
                sb.append("  ").append(pad("", width)).append("    ").append(alt).append('\n');
            }
        }
        if (!hostFacts.isEmpty()) {
            sb.append("host\n");
            for (String f : hostFacts) {
                sb.append("  ").append(f).append('\n');
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
