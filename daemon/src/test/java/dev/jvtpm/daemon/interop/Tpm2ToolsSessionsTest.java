package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * tpm2-tools 5.4 authorizations, which go through HMAC sessions (tpm2-tss starts an unbound,
 * unsalted HMAC session for each {@code -p} password and another for parameter encryption),
 * against the daemon and against swtpm 0.7.1: the same commands must succeed or fail alike, with
 * the same TPM response code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Tpm2ToolsSessionsTest {
    private static final Pattern RC = Pattern.compile("0x[0-9a-fA-F]{3,8}");

    private final List<Path> dirs = new ArrayList<>();
    private DaemonProcess daemon;
    private Process swtpm;
    private String daemonTcti;
    private String swtpmTcti;
    private Path input;

    @BeforeAll
    void start() throws Exception {
        Path dir = TestDirs.create();
        dirs.add(dir);
        int port = Ports.freePair();
        daemon = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir, "--server",
                "type=tcp,port=" + port, "--ctrl", "type=tcp,port=" + (port + 1), "--flags",
                "not-need-init,startup-clear").awaitTcp(port);
        daemonTcti = "swtpm:host=127.0.0.1,port=" + port;
        Path sdir = TestDirs.create();
        dirs.add(sdir);
        int sport = Ports.freePair();
        swtpm = new ProcessBuilder("swtpm", "socket", "--tpm2", "--server", "type=tcp,port=" + sport
                + ",bindaddr=127.0.0.1", "--ctrl", "type=tcp,port=" + (sport + 1) + ",bindaddr=127.0.0.1",
                "--tpmstate", "dir=" + sdir, "--flags", "not-need-init,startup-clear")
                .redirectErrorStream(true).redirectOutput(sdir.resolve("swtpm.log").toFile()).start();
        swtpmTcti = "swtpm:host=127.0.0.1,port=" + sport;
        input = Files.writeString(dir.resolve("event"), "an event\n");
        // swtpm needs a moment to listen; the first tool call retries through tcti errors otherwise.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Tools.run(Map.of("TPM2TOOLS_TCTI", swtpmTcti), "tpm2_getrandom", "1").exit() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("swtpm did not come up");
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        if (swtpm != null) {
            swtpm.destroy();
            swtpm.waitFor(10, TimeUnit.SECONDS);
        }
        dirs.forEach(TestDirs::delete);
    }

    /** Runs the tool on both; same exit status and the same TPM response code in the error text. */
    private Tools.Result both(String... cmd) throws Exception {
        Tools.Result ref = Tools.run(Map.of("TPM2TOOLS_TCTI", swtpmTcti), cmd);
        Tools.Result sub = Tools.run(Map.of("TPM2TOOLS_TCTI", daemonTcti), cmd);
        assertThat(sub.exit()).as(String.join(" ", cmd) + "\nswtpm: " + ref + "\njvtpm: " + sub)
                .isEqualTo(ref.exit());
        assertThat(codes(sub.stderr())).as(String.join(" ", cmd)).isEqualTo(codes(ref.stderr()));
        return sub;
    }

    private static List<String> codes(String stderr) {
        List<String> out = new ArrayList<>();
        Matcher m = RC.matcher(stderr);
        while (m.find()) {
            out.add(m.group().toLowerCase());
        }
        return out;
    }

    @Test
    void passwordsGoThroughHmacSessions() throws Exception {
        both("tpm2_changeauth", "-c", "o", "ownerpw").assertOk();
        both("tpm2_changeauth", "-c", "o", "-p", "ownerpw", "ownerpw2").assertOk();
        assertThat(both("tpm2_changeauth", "-c", "o", "-p", "ownerpw", "x").exit()).isNotZero();
        both("tpm2_changeauth", "-c", "o", "-p", "ownerpw2", "hex:00112233").assertOk();
        both("tpm2_changeauth", "-c", "o", "-p", "hex:0011223300", "").assertOk();
        both("tpm2_changeauth", "-c", "e", "endorsementpw").assertOk();
        both("tpm2_changeauth", "-c", "e", "-p", "endorsementpw", "").assertOk();
        both("tpm2_changeauth", "-c", "p", "platformpw").assertOk();
        both("tpm2_pcrevent", "16", input.toString()).assertOk();
        Tools.Result pcr = both("tpm2_pcrread", "sha256:16").assertOk();
        assertThat(pcr.stdout()).isEqualTo(Tools.run(Map.of("TPM2TOOLS_TCTI", swtpmTcti), "tpm2_pcrread", "sha256:16")
                .stdout());
        both("tpm2_changeauth", "-c", "p", "-p", "platformpw", "").assertOk();
    }

    @Test
    void lockoutAuthFailuresLockItOut() throws Exception {
        both("tpm2_changeauth", "-c", "l", "lockoutpw").assertOk();
        assertThat(both("tpm2_changeauth", "-c", "l", "-p", "wrong", "x").exit()).isNotZero();
        assertThat(both("tpm2_changeauth", "-c", "l", "-p", "lockoutpw", "x").exit()).isNotZero();
    }
}
