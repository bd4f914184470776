package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Primary keys are derived from the hierarchy seeds, so one template gives one key however it is
 * made: created twice in one daemon (the second time from the primary cache), by a daemon
 * restarted on the same state, and by a daemon restricted to the pure-Java providers
 * ({@code --crypto-policy pure-java}, BouncyCastle instead of OpenSSL and the JCA) on a copy of
 * the state taken before any primary existed, so that it derives every key itself (RSA primaries
 * are otherwise served from the primary cache sealed in the state).
 * tpm2_createprimary makes them; tpm2_readpublic exports the public areas compared byte for byte.
 */
class PrimaryKeyStabilityTest {
    private static final Map<String, List<String>> PRIMARIES = new LinkedHashMap<>();

    static {
        PRIMARIES.put("owner RSA-2048", List.of("-C", "o", "-G", "rsa2048"));
        PRIMARIES.put("owner ECC P-256", List.of("-C", "o", "-G", "ecc256"));
        PRIMARIES.put("endorsement RSA-3072", List.of("-C", "e", "-G", "rsa3072"));
        PRIMARIES.put("platform ECC P-384", List.of("-C", "p", "-G", "ecc384"));
        PRIMARIES.put("null ECC P-521", List.of("-C", "n", "-G", "ecc521"));
    }

    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = TestDirs.create();
        Files.createDirectories(dir.resolve("state"));
    }

    @AfterEach
    void clean() {
        TestDirs.delete(dir);
    }

    @Test
    void thePublicAreaOfAPrimaryIsTheSameTwiceAcrossRestartsAndUnderEveryProviderPolicy() throws Exception {
        Path state = dir.resolve("state");
        // Seeds first, then a copy of that state without any derived primary in its cache, so the
        // pure-Java daemon derives every key itself.
        primaries(state, "manufacture", false, Map.of());
        Path copy = dir.resolve("state-copy");
        Files.createDirectories(copy);
        try (var files = Files.list(state)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.getFileName().toString().startsWith(".")) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        Map<String, String> first = primaries(state, "default chain", false, PRIMARIES);
        Map<String, String> again = primaries(state, "default chain after a restart", false, PRIMARIES);
        Map<String, String> pureJava = primaries(copy, "pure-java on a copy of the state", true, PRIMARIES);
        assertThat(again).as("a daemon restarted on the same state").isEqualTo(first);
        assertThat(pureJava).as("--crypto-policy pure-java on the same seeds").isEqualTo(first);
        // The null hierarchy's seed is new at every TPM Reset, so only the persistent seeds repeat
        // across processes; within one process the null primary repeats (checked in primaries()).
        assertThat(first).containsKeys("owner RSA-2048", "endorsement RSA-3072", "platform ECC P-384");
    }

    /**
     * Starts a daemon on the shared state, creates every primary twice, asserts both public areas
     * equal, and returns them by name (without the null hierarchy's, which a restart re-seeds).
     */
    private Map<String, String> primaries(Path state, String what, boolean pureJava, Map<String, List<String>> which)
            throws Exception {
        int port = Ports.freePair();
        List<String> args = new ArrayList<>(List.of("socket", "--tpm2", "--tpmstate", "dir=" + state,
                "--server", "type=tcp,port=" + port, "--ctrl", "type=tcp,port=" + (port + 1),
                "--flags", "not-need-init,startup-clear"));
        Path log = Files.createTempFile(dir, "daemon-", ".log");
        args.addAll(List.of("--log", "file=" + log + ",level=2"));
        if (pureJava) {
            args.addAll(List.of("--crypto-policy", "pure-java"));
        }
        Map<String, String> env = Map.of("TPM2TOOLS_TCTI", "swtpm:host=127.0.0.1,port=" + port);
        Map<String, String> publics = new LinkedHashMap<>();
        try (DaemonProcess daemon = DaemonProcess.builder(dir).start(args.toArray(String[]::new))
                .awaitTcp(port).awaitTcp(port + 1)) {
            for (Map.Entry<String, List<String>> p : which.entrySet()) {
                String once = createPrimary(env, p.getValue(), "once");
                String twice = createPrimary(env, p.getValue(), "twice");
                assertThat(twice).as(what + ": " + p.getKey() + " created twice").isEqualTo(once);
                if (!p.getKey().startsWith("null")) {
                    publics.put(p.getKey(), once);
                }
            }
        }
        // The chain the daemon logged at start: BouncyCastle for RSA and ECC only when restricted.
        String chain = Files.readString(log);
        assertThat(chain).as(what + ": the providers the daemon used")
                .contains(pureJava ? "crypto rsa: bouncycastle" : "crypto rsa: openssl");
        return publics;
    }

    private String createPrimary(Map<String, String> env, List<String> options, String tag) throws Exception {
        Path ctx = dir.resolve("primary-" + tag + ".ctx");
        Path pub = dir.resolve("primary-" + tag + ".pub");
        List<String> create = new ArrayList<>(List.of("tpm2_createprimary", "-c", ctx.toString()));
        create.addAll(options);
        Tools.run(Duration.ofSeconds(180), env, create).assertOk();
        Tools.run(env, "tpm2_readpublic", "-c", ctx.toString(), "-o", pub.toString()).assertOk();
        Tools.run(env, "tpm2_flushcontext", "-t").assertOk();
        return HexFormat.of().formatHex(Files.readAllBytes(pub));
    }
}
