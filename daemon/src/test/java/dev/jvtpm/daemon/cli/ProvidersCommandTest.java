package dev.jvtpm.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.TestDirs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code jvtpm providers} in a real process: the chain as this host resolves it. */
class ProvidersCommandTest {
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
