package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tpm2-tools 5.4 enhanced-authorization flows against the jvtpm daemon and swtpm 0.7.1 side by
 * side. Each flow computes a policy in a trial session, binds a sealed object (or an NV index) to
 * it, satisfies it in a policy session and uses the object, then satisfies it wrongly: every step
 * must end the same way on both TPMs with the same response codes, and what is deterministic
 * (policy digests, unsealed data) must be equal. Keys that sign policies are made by openssl once
 * and given to both TPMs, so their Names, and the policies that name them, are the same.
 */
class Tpm2ToolsPolicyFlowsTest {
    private static final String SECRET = "sealed behind a policy\n";

    private TcpTpm swtpm;
    private TcpTpm jvtpm;

    @BeforeEach
    void start() throws Exception {
        swtpm = TcpTpm.start(TcpTpm.Kind.SWTPM);
        jvtpm = TcpTpm.start(TcpTpm.Kind.JVTPM);
        for (TcpTpm t : List.of(swtpm, jvtpm)) {
            t.tool("tpm2_startup", "-c").assertOk();
            Files.writeString(t.file("secret"), SECRET);
        }
        ok("tpm2_createprimary", "-C", "o", "-G", "ecc", "-c", "prim.ctx");
    }

    @AfterEach
    void stop() throws Exception {
        TcpTpm.closeBoth(jvtpm, swtpm);
    }

    /**
     * Runs {@code cmd} in each TPM's directory (file arguments are relative to it), then flushes
     * transient objects as a resource manager would (the tools keep them in context files).
     * swtpm must end as {@code succeeds} says, jvtpm the same way with the same response codes.
     */
    private Tools.Result[] both(boolean succeeds, String... cmd) throws Exception {
        Tools.Result[] r = new Tools.Result[2];
        TcpTpm[] tpms = {swtpm, jvtpm};
        for (int i = 0; i < 2; i++) {
            r[i] = run(tpms[i], cmd);
            if (!cmd[0].equals("tpm2_flushcontext") && cmd[0].startsWith("tpm2_")) {
                run(tpms[i], "tpm2_flushcontext", "-t").assertOk();
            }
        }
        String what = String.join(" ", cmd) + "\nswtpm: " + r[0] + "\njvtpm: " + r[1];
        assertThat(r[0].exit() == 0).as("swtpm: " + what).isEqualTo(succeeds);
        assertThat(r[1].exit()).as("jvtpm: " + what).isEqualTo(r[0].exit());
        assertThat(Tools.responseCodes(r[1].stderr())).as("codes: " + what)
                .isEqualTo(Tools.responseCodes(r[0].stderr()));
        return r;
    }

    private Tools.Result[] ok(String... cmd) throws Exception {
        return both(true, cmd);
    }

    private Tools.Result[] fails(String... cmd) throws Exception {
        return both(false, cmd);
    }

    private static Tools.Result run(TcpTpm t, String... cmd) throws Exception {
        return t.toolIn(t.file(""), Duration.ofSeconds(60), cmd);
    }

    /** A file both flows wrote must have the same bytes (policy digests). */
    private void sameFile(String name) throws Exception {
        byte[] ref = Files.readAllBytes(swtpm.file(name));
        assertThat(ref).as(name).isNotEmpty();
        assertThat(Files.readAllBytes(jvtpm.file(name))).as(name + " jvtpm vs swtpm").isEqualTo(ref);
    }

    /** A file made once (openssl keys, signatures) given to both TPMs' directories. */
    private void share(String name) throws Exception {
        Files.copy(swtpm.file(name), jvtpm.file(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        run(swtpm, cmd.toArray(new String[0])).assertOk();
    }

    /** A trial session: the policy commands of {@code steps} (each without -S), the digest to {@code file}. */
    private void trial(String file, String[]... steps) throws Exception {
        ok("tpm2_startauthsession", "-S", "trial.ctx");
        for (String[] step : steps) {
            List<String> cmd = new ArrayList<>(List.of(step));
            cmd.addAll(List.of("-S", "trial.ctx", "-L", file));
            ok(cmd.toArray(new String[0]));
        }
        ok("tpm2_flushcontext", "trial.ctx");
        sameFile(file);
    }

    private void seal(String name, String policy) throws Exception {
        ok("tpm2_create", "-C", "prim.ctx", "-L", policy, "-a", "fixedtpm|fixedparent|noda", "-i", "secret",
                "-u", name + ".pub", "-r", name + ".priv");
        ok("tpm2_load", "-C", "prim.ctx", "-u", name + ".pub", "-r", name + ".priv", "-c", name + ".ctx");
    }

    /** How satisfying a policy and then unsealing ends. */
    private enum Outcome {
        /** tpm2_unseal returns the secret. */
        UNSEALS,
        /** the policy commands succeed, tpm2_unseal fails (the digest is not the object's policy). */
        UNSEAL_FAILS,
        /** the last policy command fails (its condition or check does not hold). */
        POLICY_FAILS
    }

    /**
     * A policy session given the policy commands of {@code steps} (each without -S), then
     * tpm2_unseal of {@code sealed} with it, unless the last policy command is to fail.
     */
    private void unsealWith(String sealed, Outcome outcome, String[]... steps) throws Exception {
        ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
        for (int i = 0; i < steps.length; i++) {
            List<String> cmd = new ArrayList<>(List.of(steps[i]));
            cmd.addAll(List.of("-S", "policy.ctx"));
            both(outcome != Outcome.POLICY_FAILS || i < steps.length - 1, cmd.toArray(new String[0]));
        }
        if (outcome != Outcome.POLICY_FAILS) {
            Tools.Result[] r = both(outcome == Outcome.UNSEALS, "tpm2_unseal", "-c", sealed, "-p",
                    "session:policy.ctx");
            if (outcome == Outcome.UNSEALS) {
                assertThat(r[0].stdout()).isEqualTo(SECRET);
                assertThat(r[1].stdout()).isEqualTo(SECRET);
            }
        }
        ok("tpm2_flushcontext", "policy.ctx");
    }

    private static String[] step(String... cmd) {
        return cmd;
    }

    /** tpm2_policynv: the index 0x1500050 at {@code offset} compared with the file "operand". */
    private static String[] policyNv(int offset, String operation) {
        return step("tpm2_policynv", "-C", "o", "-i", "operand", "--offset", Integer.toString(offset), "0x1500050",
                operation);
    }

    @Test
    void policyCommandCodeAndPolicyOr() throws Exception {
        trial("cc.policy", step("tpm2_policycommandcode", "TPM2_CC_Unseal"));
        trial("pcr.policy", step("tpm2_policypcr", "-l", "sha256:16"));
        trial("or.policy", step("tpm2_policyor", "-l", "sha256:cc.policy,pcr.policy"));
        seal("sealed", "or.policy");
        String[] or = step("tpm2_policyor", "-l", "sha256:cc.policy,pcr.policy");
        unsealWith("sealed.ctx", Outcome.UNSEALS, step("tpm2_policycommandcode", "TPM2_CC_Unseal"), or);
        unsealWith("sealed.ctx", Outcome.UNSEALS, step("tpm2_policypcr", "-l", "sha256:16"), or);
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, step("tpm2_policycommandcode", "TPM2_CC_Sign"), or);
        unsealWith("sealed.ctx", Outcome.UNSEAL_FAILS, step("tpm2_policycommandcode", "TPM2_CC_Unseal"));
        seal("cconly", "cc.policy");
        unsealWith("cconly.ctx", Outcome.UNSEALS, step("tpm2_policycommandcode", "TPM2_CC_Unseal"));
        ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
        ok("tpm2_policycommandcode", "-S", "policy.ctx", "TPM2_CC_Unseal");
        fails("tpm2_policycommandcode", "-S", "policy.ctx", "TPM2_CC_Sign");
        ok("tpm2_flushcontext", "policy.ctx");
    }

    @Test
    void policyPcrSealingFailsAfterAPcrChange() throws Exception {
        trial("pcr.policy", step("tpm2_policypcr", "-l", "sha256:0,16,23"));
        seal("sealed", "pcr.policy");
        unsealWith("sealed.ctx", Outcome.UNSEALS, step("tpm2_policypcr", "-l", "sha256:0,16,23"));
        ok("tpm2_pcrextend", "23:sha256=" + "11".repeat(32));
        unsealWith("sealed.ctx", Outcome.UNSEAL_FAILS, step("tpm2_policypcr", "-l", "sha256:0,16,23"));
        ok("tpm2_pcrreset", "23");
        unsealWith("sealed.ctx", Outcome.UNSEALS, step("tpm2_policypcr", "-l", "sha256:0,16,23"));
    }

    @Test
    void policySecretAndPolicyTicketWithTheOwnerPassword() throws Exception {
        ok("tpm2_changeauth", "-c", "o", "ownerpw");
        ok("tpm2_startauthsession", "-S", "trial.ctx");
        ok("tpm2_policysecret", "-S", "trial.ctx", "-c", "o", "-L", "secret.policy", "ownerpw");
        ok("tpm2_flushcontext", "trial.ctx");
        sameFile("secret.policy");
        seal("sealed", "secret.policy");
        unsealWith("sealed.ctx", Outcome.UNSEALS, step("tpm2_policysecret", "-c", "o", "ownerpw"));
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, step("tpm2_policysecret", "-c", "o", "wrongpw"));
        unsealWith("sealed.ctx", Outcome.UNSEAL_FAILS, step("tpm2_policycommandcode", "TPM2_CC_Unseal"));
        // a ticket from PolicySecret with an expiration replays the authorization (TPM2_PolicyTicket)
        ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
        ok("tpm2_policysecret", "-S", "policy.ctx", "-c", "o", "-t", "-3600", "--ticket", "secret.tkt",
                "--timeout", "secret.timeout", "ownerpw");
        ok("tpm2_flushcontext", "policy.ctx");
        for (TcpTpm t : List.of(swtpm, jvtpm)) {
            Files.write(t.file("owner.name"), new byte[] {0x40, 0, 0, 1});
        }
        String[] ticket = step("tpm2_policyticket", "-n", "owner.name", "--ticket", "secret.tkt", "--timeout",
                "secret.timeout");
        unsealWith("sealed.ctx", Outcome.UNSEALS, ticket);
        // each TPM's ticket is keyed with its own proof: swtpm's ticket does not work on jvtpm, nor the reverse
        Path swtpmTicket = swtpm.file("secret.tkt");
        byte[] ownTicket = Files.readAllBytes(swtpmTicket);
        Files.copy(jvtpm.file("secret.tkt"), swtpmTicket, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(jvtpm.file("secret.tkt"), ownTicket);
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, ticket);
        ok("tpm2_changeauth", "-c", "o", "-p", "ownerpw", "");
    }

    @Test
    void policySignedByOpensslAndByTpm2Sign() throws Exception {
        openssl("genrsa", "-out", "signer.pem", "2048");
        openssl("rsa", "-in", "signer.pem", "-pubout", "-out", "signer.pub.pem");
        openssl("genrsa", "-out", "other.pem", "2048");
        share("signer.pub.pem");
        ok("tpm2_loadexternal", "-C", "o", "-G", "rsa", "-u", "signer.pub.pem", "-c", "signer.ctx",
                "-n", "signer.name");
        sameFile("signer.name");
        ok("tpm2_startauthsession", "-S", "trial.ctx");
        ok("tpm2_policysigned", "-S", "trial.ctx", "-g", "sha256", "-c", "signer.ctx", "--raw-data", "tosign.bin");
        sameFile("tosign.bin");
        openssl("dgst", "-sha256", "-sign", "signer.pem", "-out", "good.sig", "tosign.bin");
        openssl("dgst", "-sha256", "-sign", "other.pem", "-out", "bad.sig", "tosign.bin");
        share("good.sig");
        share("bad.sig");
        ok("tpm2_policysigned", "-S", "trial.ctx", "-g", "sha256", "-s", "good.sig", "-f", "rsassa", "-c", "signer.ctx",
                "-L", "signed.policy");
        ok("tpm2_flushcontext", "trial.ctx");
        sameFile("signed.policy");
        seal("sealed", "signed.policy");
        String[] good = step("tpm2_policysigned", "-g", "sha256", "-s", "good.sig", "-f", "rsassa", "-c", "signer.ctx");
        unsealWith("sealed.ctx", Outcome.UNSEALS, good);
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS,
                step("tpm2_policysigned", "-g", "sha256", "-s", "bad.sig", "-f", "rsassa", "-c", "signer.ctx"));
        // a signature made by tpm2_sign with a key of each TPM (so the Names and policies differ between them)
        ok("tpm2_create", "-C", "prim.ctx", "-G", "rsa2048:rsassa-sha256", "-a",
                "sign|fixedtpm|fixedparent|sensitivedataorigin|userwithauth|noda", "-u", "tsign.pub",
                "-r", "tsign.priv");
        ok("tpm2_load", "-C", "prim.ctx", "-u", "tsign.pub", "-r", "tsign.priv", "-c", "tsign.ctx");
        ok("tpm2_sign", "-c", "tsign.ctx", "-g", "sha256", "-s", "rsassa", "-o", "tsign.sig", "tosign.bin");
        ok("tpm2_startauthsession", "-S", "trial.ctx");
        ok("tpm2_policysigned", "-S", "trial.ctx", "-s", "tsign.sig", "-c", "tsign.ctx", "-L", "tsigned.policy");
        ok("tpm2_flushcontext", "trial.ctx");
        seal("tsealed", "tsigned.policy");
        unsealWith("tsealed.ctx", Outcome.UNSEALS, step("tpm2_policysigned", "-s", "tsign.sig", "-c", "tsign.ctx"));
        unsealWith("tsealed.ctx", Outcome.POLICY_FAILS, step("tpm2_policysigned", "-g", "sha256", "-s", "good.sig",
                "-f", "rsassa", "-c", "tsign.ctx"));
        unsealWith("tsealed.ctx", Outcome.UNSEAL_FAILS, good);
        // signed over the session's nonceTPM: the signature of another session's nonce does not do
        ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
        ok("tpm2_policysigned", "-S", "policy.ctx", "-g", "sha256", "-x", "-c", "signer.ctx",
                "--raw-data", "nonce.bin");
        fails("tpm2_policysigned", "-S", "policy.ctx", "-g", "sha256", "-x", "-s", "good.sig", "-f", "rsassa",
                "-c", "signer.ctx");
        ok("tpm2_flushcontext", "policy.ctx");
    }

    @Test
    void policyAuthorizeWithAVerifySignatureTicket() throws Exception {
        openssl("genrsa", "-out", "authority.pem", "2048");
        openssl("rsa", "-in", "authority.pem", "-pubout", "-out", "authority.pub.pem");
        share("authority.pub.pem");
        ok("tpm2_loadexternal", "-C", "o", "-G", "rsa", "-u", "authority.pub.pem", "-c", "authority.ctx",
                "-n", "authority.name");
        sameFile("authority.name");
        ok("tpm2_startauthsession", "-S", "trial.ctx");
        ok("tpm2_policyauthorize", "-S", "trial.ctx", "-L", "authorized.policy", "-n", "authority.name");
        ok("tpm2_flushcontext", "trial.ctx");
        sameFile("authorized.policy");
        trial("pcr.policy", step("tpm2_policypcr", "-l", "sha256:16"));
        trial("cc.policy", step("tpm2_policycommandcode", "TPM2_CC_Unseal"));
        openssl("dgst", "-sha256", "-sign", "authority.pem", "-out", "pcr.sig", "pcr.policy");
        share("pcr.sig");
        ok("tpm2_verifysignature", "-c", "authority.ctx", "-g", "sha256", "-m", "pcr.policy", "-s", "pcr.sig",
                "-f", "rsassa", "-t", "pcr.tkt");
        seal("sealed", "authorized.policy");
        String[] pcr = step("tpm2_policypcr", "-l", "sha256:16");
        String[] authorize = step("tpm2_policyauthorize", "-i", "pcr.policy", "-n", "authority.name", "-t", "pcr.tkt");
        unsealWith("sealed.ctx", Outcome.UNSEALS, pcr, authorize);
        // a policy the authority did not sign: the PCR policy's ticket does not approve it
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, step("tpm2_policycommandcode", "TPM2_CC_Unseal"),
                step("tpm2_policyauthorize", "-i", "cc.policy", "-n", "authority.name", "-t", "pcr.tkt"));
        // the signed policy no longer holds after PCR 16 changes
        ok("tpm2_pcrextend", "16:sha256=" + "22".repeat(32));
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, pcr, authorize);
        // a signature over the wrong data gives no ticket
        fails("tpm2_verifysignature", "-c", "authority.ctx", "-g", "sha256", "-m", "cc.policy", "-s", "pcr.sig",
                "-f", "rsassa", "-t", "cc.tkt");
    }

    @Test
    void policyNvAndPolicyAuthorizeNv() throws Exception {
        Files.writeString(swtpm.file("nvdata"), "ABCDEFGH");
        share("nvdata");
        Files.writeString(swtpm.file("operand"), "CD");
        share("operand");
        ok("tpm2_nvdefine", "0x1500050", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite");
        ok("tpm2_nvwrite", "0x1500050", "-C", "o", "-i", "nvdata");
        trial("nv.policy", policyNv(2, "eq"));
        seal("sealed", "nv.policy");
        unsealWith("sealed.ctx", Outcome.UNSEALS, policyNv(2, "eq"));
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, policyNv(2, "neq"));
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, policyNv(7, "eq"));
        // a condition that holds but is not the one in the policy
        unsealWith("sealed.ctx", Outcome.UNSEAL_FAILS, policyNv(1, "ult"));
        Files.writeString(swtpm.file("nvdata2"), "AB");
        share("nvdata2");
        ok("tpm2_nvwrite", "0x1500050", "-C", "o", "-i", "nvdata2", "--offset", "2");
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, policyNv(2, "eq"));

        // PolicyAuthorizeNV: the index holds the TPMT_HA of the approved policy
        trial("cc.policy", step("tpm2_policycommandcode", "TPM2_CC_Unseal"));
        byte[] cc = Files.readAllBytes(swtpm.file("cc.policy"));
        byte[] ha = new byte[2 + cc.length];
        ha[1] = 0x0B;
        System.arraycopy(cc, 0, ha, 2, cc.length);
        Files.write(swtpm.file("cc.ha"), ha);
        share("cc.ha");
        ok("tpm2_nvdefine", "0x1500051", "-C", "o", "-s", "34", "-a", "ownerread|ownerwrite|read_stclear");
        ok("tpm2_nvwrite", "0x1500051", "-C", "o", "-i", "cc.ha");
        trial("authnv.policy", step("tpm2_policyauthorizenv", "-C", "o", "0x1500051"));
        seal("authnv", "authnv.policy");
        unsealWith("authnv.ctx", Outcome.UNSEALS, step("tpm2_policycommandcode", "TPM2_CC_Unseal"),
                step("tpm2_policyauthorizenv", "-C", "o", "0x1500051"));
        unsealWith("authnv.ctx", Outcome.POLICY_FAILS, step("tpm2_policycommandcode", "TPM2_CC_Sign"),
                step("tpm2_policyauthorizenv", "-C", "o", "0x1500051"));
        ok("tpm2_nvreadlock", "0x1500051", "-C", "o");
        unsealWith("authnv.ctx", Outcome.POLICY_FAILS, step("tpm2_policycommandcode", "TPM2_CC_Unseal"),
                step("tpm2_policyauthorizenv", "-C", "o", "0x1500051"));
    }

    @Test
    void policyCounterTimer() throws Exception {
        String[] before = step("tpm2_policycountertimer", "--ult", "clock=0x7FFFFFFFFFFF");
        trial("ct.policy", before);
        trial("safe.policy", step("tpm2_policycountertimer", "safe"));
        seal("sealed", "ct.policy");
        unsealWith("sealed.ctx", Outcome.UNSEALS, before);
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS,
                step("tpm2_policycountertimer", "--ugt", "clock=0x7FFFFFFFFFFF"));
        unsealWith("sealed.ctx", Outcome.POLICY_FAILS, step("tpm2_policycountertimer", "--eq", "resets=7"));
        seal("safe", "safe.policy");
        unsealWith("safe.ctx", Outcome.UNSEALS, step("tpm2_policycountertimer", "safe"));
        unsealWith("safe.ctx", Outcome.UNSEAL_FAILS, before);
    }

    @Test
    void policyPasswordPolicyAuthValueAndAWriteOnceIndex() throws Exception {
        trial("pw.policy", step("tpm2_policypassword"));
        trial("av.policy", step("tpm2_policyauthvalue"));
        assertThat(Files.readAllBytes(jvtpm.file("pw.policy"))).as("both extend with TPM_CC_PolicyAuthValue")
                .isEqualTo(Files.readAllBytes(jvtpm.file("av.policy")));
        ok("tpm2_create", "-C", "prim.ctx", "-L", "pw.policy", "-p", "objpw", "-a", "fixedtpm|fixedparent|noda",
                "-i", "secret", "-u", "pw.pub", "-r", "pw.priv");
        ok("tpm2_load", "-C", "prim.ctx", "-u", "pw.pub", "-r", "pw.priv", "-c", "pw.ctx");
        for (String policy : new String[] {"tpm2_policypassword", "tpm2_policyauthvalue"}) {
            ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
            ok(policy, "-S", "policy.ctx");
            Tools.Result[] r = ok("tpm2_unseal", "-c", "pw.ctx", "-p", "session:policy.ctx+objpw");
            assertThat(r[0].stdout()).isEqualTo(SECRET);
            assertThat(r[1].stdout()).isEqualTo(SECRET);
            ok("tpm2_flushcontext", "policy.ctx");
            ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
            ok(policy, "-S", "policy.ctx");
            fails("tpm2_unseal", "-c", "pw.ctx", "-p", "session:policy.ctx+wrong");
            ok("tpm2_flushcontext", "policy.ctx");
        }
        fails("tpm2_unseal", "-c", "pw.ctx", "-p", "objpw");

        // an index written once: PolicyCommandCode(NV_Write) and PolicyNvWritten(NO)
        Files.writeString(swtpm.file("nvdata"), "ABCDEFGH");
        share("nvdata");
        trial("once.policy", step("tpm2_policycommandcode", "TPM2_CC_NV_Write"), step("tpm2_policynvwritten", "c"));
        ok("tpm2_nvdefine", "0x1500070", "-C", "o", "-s", "8", "-a", "policywrite|ownerread", "-L", "once.policy");
        for (boolean first : new boolean[] {true, false}) {
            ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
            ok("tpm2_policycommandcode", "-S", "policy.ctx", "TPM2_CC_NV_Write");
            ok("tpm2_policynvwritten", "-S", "policy.ctx", "c");
            both(first, "tpm2_nvwrite", "0x1500070", "-C", "0x1500070", "-P", "session:policy.ctx", "-i", "nvdata");
            ok("tpm2_flushcontext", "policy.ctx");
        }
        ok("tpm2_startauthsession", "--policy-session", "-S", "policy.ctx");
        ok("tpm2_policynvwritten", "-S", "policy.ctx", "s");
        fails("tpm2_policynvwritten", "-S", "policy.ctx", "c");
        ok("tpm2_flushcontext", "policy.ctx");
        Tools.Result[] r = ok("tpm2_nvread", "0x1500070", "-C", "o", "-s", "8");
        assertThat(r[1].stdout()).isEqualTo(r[0].stdout()).isEqualTo("ABCDEFGH");
    }
}
