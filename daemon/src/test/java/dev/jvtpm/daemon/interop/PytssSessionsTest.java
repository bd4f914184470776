package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.Repo;
import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.Tools;
import dev.jvtpm.daemon.testing.TpmCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * tpm2-tss ESAPI (python3-tpm2-pytss, tcti-swtpm) against the daemon and against swtpm 0.7.1:
 * HMAC sessions with AES-128/256-CFB and XOR parameter encryption both ways, unbound and bound
 * authorization, PCR_Event with an encrypted event, an audit session with
 * TPM2_GetSessionAuditDigest, and trial policy digests. ESAPI computes the HMACs and encryption
 * and checks every response HMAC itself; the test then requires the same results from both TPMs
 * (src/test/resources/interop/pytss_sessions.py).
 */
class PytssSessionsTest {
    private static final byte[] DATA = "pytss session data".getBytes(StandardCharsets.US_ASCII);

    private static Map<String, String> run(String scriptName, int port) throws Exception {
        Path script = Repo.root().resolve("daemon/src/test/resources/interop/" + scriptName);
        Tools.Result r = Tools.run(Duration.ofSeconds(120), Map.of(),
                List.of("/usr/bin/python3", script.toString(), "127.0.0.1", Integer.toString(port)));
        r.assertOk();
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    /** The script's results on the daemon, then on swtpm. */
    private static Map<String, String>[] onBoth(String script) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String>[] out = new Map[2];
        try (TcpTpm jvtpm = TcpTpm.startCleared(TcpTpm.Kind.JVTPM)) {
            out[0] = run(script, jvtpm.port());
        }
        try (TcpTpm swtpm = TcpTpm.startCleared(TcpTpm.Kind.SWTPM)) {
            out[1] = run(script, swtpm.port());
        }
        return out;
    }

    /**
     * What Linux 6.10+ with CONFIG_TCG_TPM2_HMAC does (kernel_hmac_flow.py): a null-hierarchy ECC
     * P-256 storage primary whose Name the kernel checks, ContextSave / FlushContext / ContextLoad of
     * it, HMAC sessions salted to it (bind TPM_RH_NULL, AES-128-CFB), GetRandom with response
     * encryption and PCR_Extend authorized by the session, the session kept loaded.
     */
    @Test
    void kernelHmacSessionFlow() throws Exception {
        Map<String, String>[] both = onBoth("kernel_hmac_flow.py");
        Map<String, String> jvtpm = both[0];
        assertThat(jvtpm).containsEntry("null.name.matches", "True").containsEntry("done", "yes")
                .containsEntry("loaded.sessions", "['0x2000000']");
        byte[] pcr = new byte[32];
        for (int round = 0; round < 3; round++) {
            assertThat(jvtpm).containsEntry("round" + round + ".name.same", "True")
                    .containsEntry("round" + round + ".random", "32");
            byte[] digest = new byte[32];
            java.util.Arrays.fill(digest, (byte) round);
            pcr = TpmCommands.sha256(pcr, digest);
        }
        assertThat(jvtpm).containsEntry("pcr10", Hex.of(pcr));
        assertThat(jvtpm).isEqualTo(both[1]);
    }

    @Test
    void esapiSessionFlowsGiveTheSameResultsAsOnSwtpm() throws Exception {
        Map<String, String>[] both = onBoth("pytss_sessions.py");
        Map<String, String> jvtpm = both[0];
        Map<String, String> swtpm = both[1];
        assertThat(jvtpm).containsEntry("done", "yes");
        String sha256 = Hex.of(TpmCommands.sha256(DATA));
        for (String cipher : new String[] {"aes128", "aes256", "xor", "xorsha1"}) {
            assertThat(jvtpm).containsEntry("hash." + cipher, sha256).containsEntry("random." + cipher, "32");
        }
        assertThat(jvtpm).containsEntry("pcrevent.11", sha256);
        assertThat(jvtpm).containsEntry("audit.type", "32790").containsEntry("audit.exclusive", "1");
        assertThat(jvtpm).isEqualTo(swtpm);
    }
}
