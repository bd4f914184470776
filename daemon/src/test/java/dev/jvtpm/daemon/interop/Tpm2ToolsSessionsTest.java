package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private TcpTpm swtpm;
    private TcpTpm jvtpm;
    private Path input;

    @BeforeAll
    void start() throws Exception {
        swtpm = TcpTpm.startCleared(TcpTpm.Kind.SWTPM);
        jvtpm = TcpTpm.startCleared(TcpTpm.Kind.JVTPM);
        input = Files.writeString(jvtpm.file("event"), "an event\n");
    }

    @AfterAll
    void stop() throws Exception {
        TcpTpm.closeBoth(jvtpm, swtpm);
    }

    /** Runs the tool on both; same exit status and the same TPM response code in the error text. */
    private Tools.Result both(String... cmd) throws Exception {
        Tools.Result ref = swtpm.tool(cmd);
        Tools.Result sub = jvtpm.tool(cmd);
        assertThat(sub.exit()).as(String.join(" ", cmd) + "\nswtpm: " + ref + "\njvtpm: " + sub)
                .isEqualTo(ref.exit());
        assertThat(Tools.responseCodes(sub.stderr())).as(String.join(" ", cmd))
                .isEqualTo(Tools.responseCodes(ref.stderr()));
        return sub;
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
        assertThat(pcr.stdout()).isEqualTo(swtpm.tool("tpm2_pcrread", "sha256:16")
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
