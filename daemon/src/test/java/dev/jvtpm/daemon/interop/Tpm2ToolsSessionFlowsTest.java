package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tpm2-tools 5.4 session workflows with session context files (TPM2_ContextSave/ContextLoad of
 * sessions between tool runs) against the daemon and swtpm 0.7.1 side by side: a salted HMAC
 * session to an ECC primary with parameter encryption ({@code tpm2_startauthsession --hmac-session
 * -c}, {@code tpm2_sessionconfig}, {@code -S}), trial and real PCR policies sealing and unsealing
 * data, a policy that fails after a PCR changes. Every step must end the same on both, with the
 * same TPM response code, and deterministic outputs (policy digests, unsealed data) must match.
 */
class Tpm2ToolsSessionFlowsTest {
    private TcpTpm swtpm;
    private TcpTpm jvtpm;
    private final Path[] work = new Path[2];

    @BeforeEach
    void start() throws Exception {
        swtpm = TcpTpm.startCleared(TcpTpm.Kind.SWTPM);
        jvtpm = TcpTpm.startCleared(TcpTpm.Kind.JVTPM);
        for (int i = 0; i < 2; i++) {
            work[i] = Files.createDirectories((i == 0 ? swtpm : jvtpm).file("work"));
            Files.writeString(work[i].resolve("secret"), "sealed by tpm2-tools\n");
        }
    }

    @AfterEach
    void stop() throws Exception {
        TcpTpm.closeBoth(jvtpm, swtpm);
    }

    /** Runs {@code cmd} in each TPM's work directory; same exit status and response codes. */
    private Tools.Result[] both(String... cmd) throws Exception {
        Tools.Result[] r = new Tools.Result[2];
        for (int i = 0; i < 2; i++) {
            r[i] = (i == 0 ? swtpm : jvtpm).toolIn(work[i], Duration.ofSeconds(60), cmd);
        }
        String what = String.join(" ", cmd) + "\nswtpm: " + r[0] + "\njvtpm: " + r[1];
        assertThat(r[1].exit()).as(what).isEqualTo(r[0].exit());
        assertThat(Tools.responseCodes(r[1].stderr())).as(what)
                .isEqualTo(Tools.responseCodes(r[0].stderr()));
        return r;
    }

    private byte[][] files(String name) throws Exception {
        return new byte[][] {Files.readAllBytes(work[0].resolve(name)), Files.readAllBytes(work[1].resolve(name))};
    }

    @Test
    void saltedEncryptedSessionsAndPcrPolicies() throws Exception {
        both("tpm2_createprimary", "-Q", "-C", "o", "-G", "ecc256", "-c", "prim.ctx");
        both("tpm2_flushcontext", "-t");
        // Salted HMAC session to the primary, with parameter encryption both ways.
        both("tpm2_startauthsession", "--hmac-session", "-c", "prim.ctx", "-S", "hmac.ctx");
        both("tpm2_flushcontext", "-t");
        both("tpm2_sessionconfig", "hmac.ctx", "--enable-encrypt", "--enable-decrypt");
        Tools.Result[] rnd = both("tpm2_getrandom", "-S", "hmac.ctx", "--hex", "16");
        assertThat(rnd[1].stdout().trim()).matches("[0-9a-f]{32}");
        both("tpm2_changeauth", "-c", "o", "-p", "session:hmac.ctx", "ownerpw");
        both("tpm2_changeauth", "-c", "o", "-p", "ownerpw", "");
        // A trial session computes the PCR policy; both TPMs give the same digest.
        both("tpm2_startauthsession", "-S", "trial.ctx");
        both("tpm2_policypcr", "-S", "trial.ctx", "-l", "sha256:0,1,7", "-L", "pcr.policy");
        both("tpm2_flushcontext", "trial.ctx");
        byte[][] policy = files("pcr.policy");
        assertThat(policy[1]).isEqualTo(policy[0]).hasSize(32);
        both("tpm2_create", "-Q", "-C", "prim.ctx", "-L", "pcr.policy", "-i", "secret", "-u", "o.pub", "-r",
                "o.priv");
        both("tpm2_flushcontext", "-t");
        both("tpm2_load", "-Q", "-C", "prim.ctx", "-u", "o.pub", "-r", "o.priv", "-c", "o.ctx");
        both("tpm2_flushcontext", "-t");
        // A policy session satisfies it; unsealing goes through the encrypted HMAC session too.
        both("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
        both("tpm2_policypcr", "-S", "policy.ctx", "-l", "sha256:0,1,7");
        Tools.Result[] unsealed = both("tpm2_unseal", "-c", "o.ctx", "-p", "session:policy.ctx", "-S", "hmac.ctx");
        assertThat(unsealed[1].stdout()).isEqualTo("sealed by tpm2-tools\n").isEqualTo(unsealed[0].stdout());
        both("tpm2_flushcontext", "-t");
        // The used policy session starts over: without a new PolicyPCR the policy fails.
        assertThat(both("tpm2_unseal", "-c", "o.ctx", "-p", "session:policy.ctx")[1].exit()).isNotZero();
        both("tpm2_flushcontext", "-t");
        both("tpm2_policypcr", "-S", "policy.ctx", "-l", "sha256:0,1,7");
        both("tpm2_pcrextend", "7:sha256=" + "00".repeat(32));
        // PCR 7 changed after PolicyPCR: TPM_RC_PCR_CHANGED.
        assertThat(both("tpm2_unseal", "-c", "o.ctx", "-p", "session:policy.ctx")[1].exit()).isNotZero();
        both("tpm2_flushcontext", "-t");
        both("tpm2_flushcontext", "policy.ctx");
        both("tpm2_flushcontext", "hmac.ctx");
        Tools.Result[] handles = both("tpm2_getcap", "handles-saved-session");
        assertThat(handles[1].stdout()).isEqualTo(handles[0].stdout());
    }

    @Test
    void auditTools() throws Exception {
        both("tpm2_createprimary", "-Q", "-C", "e", "-G", "ecc256:ecdsa-sha256", "-a",
                "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|noda|sign", "-c", "sign.ctx");
        both("tpm2_flushcontext", "-t");
        both("tpm2_setcommandauditstatus", "-g", "sha256");
        both("tpm2_setcommandauditstatus", "TPM2_CC_GetRandom");
        both("tpm2_getrandom", "8");
        both("tpm2_getcommandauditdigest", "-c", "sign.ctx", "-g", "sha256", "-m", "cmd.att", "-s", "cmd.sig");
        both("tpm2_flushcontext", "-t");
        both("tpm2_startauthsession", "--hmac-session", "-S", "audit.ctx");
        both("tpm2_sessionconfig", "audit.ctx", "--enable-audit");
        both("tpm2_getrandom", "-S", "audit.ctx", "8");
        both("tpm2_getsessionauditdigest", "-c", "sign.ctx", "-g", "sha256", "-m", "session.att", "-s",
                "session.sig", "-S", "audit.ctx");
        both("tpm2_flushcontext", "-t");
        both("tpm2_flushcontext", "audit.ctx");
        for (String f : new String[] {"cmd.att", "cmd.sig", "session.att", "session.sig"}) {
            byte[][] out = files(f);
            assertThat(out[1].length).as(f).isEqualTo(out[0].length);
        }
        // TPMS_ATTEST of TPM_ST_ATTEST_SESSION_AUDIT: magic, type.
        assertThat(java.util.Arrays.copyOf(files("session.att")[1], 6))
                .isEqualTo(new byte[] {(byte) 0xFF, 0x54, 0x43, 0x47, (byte) 0x80, 0x16});
    }
}
