package dev.jvtpm.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Json;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code jvtpm} command line as a user (or libvirt, swtpm_setup) meets it, in real processes. */
class CommandLineTest {
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = TestDirs.create();
    }

    @AfterEach
    void clean() {
        TestDirs.delete(dir);
    }

    private DaemonProcess run(String... args) throws Exception {
        DaemonProcess p = DaemonProcess.builder(dir).start(args);
        p.awaitExit(Duration.ofSeconds(60));
        return p;
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() throws Exception {
        DaemonProcess p = run("socket", "--tpm2", "--bogus-option");
        assertThat(p.process().exitValue()).isNotZero();
        assertThat(p.stderr()).contains("--bogus-option").contains("jvtpm socket --help");
    }

    @Test
    void withoutASubcommandItPrintsUsage() throws Exception {
        DaemonProcess p = run();
        assertThat(p.process().exitValue()).isNotZero();
        assertThat(p.stderr()).contains("Usage: jvtpm").contains("socket");
    }

    @Test
    void helpListsTheOptionsAndTheSealingNote() throws Exception {
        DaemonProcess p = run("socket", "--help");
        assertThat(p.process().exitValue()).isZero();
        assertThat(p.stdout()).contains("--server", "--ctrl", "--tpmstate", "--key", "--migration-key", "--pid",
                "--log", "--locality", "--flags", "--daemon", "--runas", "--seccomp", "--print-capabilities",
                "--print-states", "--terminate", "--mssim", "AES-256-GCM");
    }

    @Test
    void versionIsPrinted() throws Exception {
        DaemonProcess p = run("--version");
        assertThat(p.process().exitValue()).isZero();
        assertThat(p.stdout()).startsWith("jvtpm ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void printCapabilitiesIsJsonListingWhatWorks() throws Exception {
        for (String[] args : new String[][] {{"socket", "--print-capabilities"}, {"socket", "--tpm2", "--print-capabilities"}}) {
            DaemonProcess p = run(args);
            assertThat(p.process().exitValue()).isZero();
            assertThat(p.stdout()).endsWith(" }\n");
            Map<String, Object> json = (Map<String, Object>) Json.parse(p.stdout());
            assertThat(json.get("type")).isEqualTo("swtpm");
            assertThat((String) json.get("version")).isNotBlank();
            List<Object> features = (List<Object>) json.get("features");
            assertThat(features).contains("tpm-2.0", "tpm-send-command-header", "flags-opt-startup",
                    "cmdarg-key-fd", "cmdarg-pwd-fd", "cmdarg-print-states", "nvram-backend-dir");
            assertThat(features).doesNotContain("tpm-1.2", "cmdarg-seccomp", "nvram-backend-file", "cmdarg-migration");
            for (int bits : dev.jvtpm.engine.command.capability.Algorithms.rsaKeySizes()) {
                assertThat(features).contains("rsa-keysize-" + bits);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void printStatesListsTheStateFilesInSwtpmsShape() throws Exception {
        DaemonProcess empty = run("socket", "--tpm2", "--print-states", "--tpmstate", "dir=" + dir);
        assertThat(empty.process().exitValue()).isZero();
        assertThat(empty.stdout()).isEqualTo("{ \"type\": \"swtpm\", \"states\": [] }");

        try (DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--ctrl", "type=unixio,path=" + dir.resolve("ctrl")).awaitPath(dir.resolve("ctrl"))) {
            try (Wire c = Wire.unix(dir.resolve("ctrl"))) {
                assertThat(c.exchange("00000002 00000000", 4)).isEqualTo("00000000");
            }
            DaemonProcess locked = run("socket", "--print-states", "--tpmstate", "dir=" + dir);
            assertThat(locked.process().exitValue()).as("0.7.1 takes the lock to look").isNotZero();
            assertThat(locked.stderr()).contains("in use");
            try (Wire c = Wire.unix(dir.resolve("ctrl"))) {
                assertThat(c.exchange("0000000a", 4)).isEqualTo("00000000"); // STORE_VOLATILE
                assertThat(c.exchange("00000003", 4)).isEqualTo("00000000"); // SHUTDOWN
            }
            d.awaitExit(Duration.ofSeconds(20));
        }
        DaemonProcess both = run("socket", "--tpm2", "--print-states", "--tpmstate", "backend-uri=dir://" + dir);
        assertThat(both.process().exitValue()).isZero();
        long perm = Files.size(dir.resolve("tpm2-00.permall"));
        long vol = Files.size(dir.resolve("tpm2-00.volatilestate"));
        assertThat(both.stdout()).isEqualTo("{ \"type\": \"swtpm\", \"states\": [ {\"name\": \"permall\", \"size\": "
                + perm + "}, {\"name\": \"volatilestate\", \"size\": " + vol + "} ] }");
        Map<String, Object> json = (Map<String, Object>) Json.parse(both.stdout());
        assertThat((List<Object>) json.get("states")).hasSize(2);

        DaemonProcess noDir = run("socket", "--print-states");
        assertThat(noDir.process().exitValue()).isNotZero();
        assertThat(noDir.stderr()).contains("--tpmstate");
    }

    // jvtpm providers: the chain as this host resolves it.

    @Test
    void reportsEveryFamilyWithItsChoiceAndTheHost() throws Exception {
        DaemonProcess p = run("providers");
        assertThat(p.process().exitValue()).as(p.stderr()).isZero();
        assertThat(p.stdout()).startsWith("crypto providers (policy ")
                .contains("digest+hmac  jca - first in chain order")
                .contains("rsa          openssl - first in chain order")
                .contains("ecc          openssl - first in chain order")
                .contains("bouncycastle (available, later in the chain)")
                .contains("cpu: ").contains("openssl: OpenSSL 3.");
    }

    @Test
    void pureJavaPolicyIsHonouredAndABadPolicyIsAUsageError() throws Exception {
        DaemonProcess p = run("providers", "--crypto-policy", "pure-java");
        assertThat(p.process().exitValue()).isZero();
        assertThat(p.stdout()).contains("rsa          bouncycastle").contains("openssl (excluded by policy)");
        DaemonProcess bad = run("providers", "--crypto-policy", "fastest");
        assertThat(bad.process().exitValue()).isNotZero();
        assertThat(bad.stderr()).contains("unknown provider policy 'fastest'");
    }
}
