package dev.jvtpm.daemon.cli;

import dev.jvtpm.engine.command.capability.Algorithms;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --print-capabilities}, in swtpm's one-line JSON shape. Lists only what works:
 * TPM 2.0 (never 1.2), the mssim data-channel prefix, {@code --flags startup-*},
 * {@code --key fd=}/{@code pwdfd=}, {@code --print-states}, the dir:// backend and the RSA key
 * sizes the engine implements. Not listed: {@code cmdarg-seccomp} (no filter is installed),
 * {@code nvram-backend-file}, {@code cmdarg-migration} (swtpm 0.8's --migration option).
 */
public final class Capabilities {
    private Capabilities() {}

    public static String json(String version) {
        List<String> features = new ArrayList<>(List.of("tpm-2.0", "tpm-send-command-header", "flags-opt-startup",
                "cmdarg-key-fd", "cmdarg-pwd-fd", "cmdarg-print-states", "nvram-backend-dir"));
        for (int bits : Algorithms.rsaKeySizes()) {
            features.add("rsa-keysize-" + bits);
        }
        StringBuilder sb = new StringBuilder("{ \"type\": \"swtpm\", \"features\": [ ");
        for (int i = 0; i < features.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(features.get(i)).append('"');
        }
        return sb.append(" ], \"version\": \"").append(version).append("\" }").toString();
    }
}
