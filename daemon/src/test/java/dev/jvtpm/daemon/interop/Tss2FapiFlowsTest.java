package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.Tools;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Feature API of tpm2-tss 3.2.1 (the tss2_* tools of tpm2-tools 5.4) against the jvtpm daemon
 * and swtpm 0.7.1 side by side: each TPM gets its own FAPI configuration (tcti swtpm on its port,
 * the installed P_ECCP256SHA256 profile, a keystore, policy and log directory of its own, no EK
 * certificate), and provisioning, sealing and unsealing, keys, signatures and the keystore must
 * end the same way on both.
 */
class Tss2FapiFlowsTest {
    private static final String SECRET = "sealed through FAPI";
    /** A FAPI policy that holds while PCR 16 (SHA-256 bank) is as after TPM2_Startup. */
    private static final String PCR16_POLICY = "{\n"
            + "  \"description\": \"PCR 16 as after TPM2_Startup\",\n"
            + "  \"policy\": [ { \"type\": \"POLICYPCR\", \"pcrs\": [ { \"pcr\": 16, \"hashAlg\": "
            + "\"TPM2_ALG_SHA256\", \"digest\": \"" + "00".repeat(32) + "\" } ] } ]\n"
            + "}\n";

    private TcpTpm swtpm;
    private TcpTpm jvtpm;

    @BeforeEach
    void start() throws Exception {
        swtpm = TcpTpm.start(TcpTpm.Kind.SWTPM);
        jvtpm = TcpTpm.start(TcpTpm.Kind.JVTPM);
        for (TcpTpm t : List.of(swtpm, jvtpm)) {
            t.tool("tpm2_startup", "-c").assertOk();
            for (String d : new String[] {"user", "system", "log"}) {
                Files.createDirectories(t.file(d));
            }
            Files.writeString(t.file("fapi-config.json"), "{\n"
                    + "  \"profile_name\": \"P_ECCP256SHA256\",\n"
                    + "  \"profile_dir\": \"/etc/tpm2-tss/fapi-profiles/\",\n"
                    + "  \"user_dir\": \"" + t.file("user") + "\",\n"
                    + "  \"system_dir\": \"" + t.file("system") + "\",\n"
                    + "  \"log_dir\": \"" + t.file("log") + "\",\n"
                    + "  \"tcti\": \"" + t.tcti() + "\",\n"
                    + "  \"system_pcrs\": [],\n"
                    + "  \"ek_cert_less\": \"yes\"\n"
                    + "}\n");
            Files.writeString(t.file("data"), SECRET);
            Files.writeString(t.file("digest"), "0123456789abcdef0123456789abcdef");
        }
    }

    @AfterEach
    void stop() throws Exception {
        TcpTpm.closeBoth(jvtpm, swtpm);
    }

    private static Tools.Result run(TcpTpm t, String... cmd) throws Exception {
        return Tools.runIn(t.file(""), Duration.ofSeconds(120), Map.of("TSS2_FAPICONF",
                t.file("fapi-config.json").toString(), "TSS2_LOG", "fapi+NONE"), cmd);
    }

    /** Runs {@code cmd} on both; swtpm ends as {@code succeeds} says, jvtpm the same way. */
    private Tools.Result[] both(boolean succeeds, String... cmd) throws Exception {
        Tools.Result ref = run(swtpm, cmd);
        Tools.Result sub = run(jvtpm, cmd);
        String what = String.join(" ", cmd) + "\nswtpm: " + ref + "\njvtpm: " + sub;
        assertThat(ref.exit() == 0).as("swtpm: " + what).isEqualTo(succeeds);
        assertThat(sub.exit()).as("jvtpm: " + what).isEqualTo(ref.exit());
        return new Tools.Result[] {ref, sub};
    }

    private Tools.Result[] ok(String... cmd) throws Exception {
        return both(true, cmd);
    }

    /** Both TPMs' FAPI wrote the sealed secret to "unsealed". */
    private void bothUnsealedTheSecret() throws Exception {
        for (TcpTpm t : List.of(swtpm, jvtpm)) {
            assertThat(Files.readString(t.file("unsealed"))).as(t.toString()).isEqualTo(SECRET);
        }
    }

    @Test
    void provisionSealUnsealSignAndKeystore() throws Exception {
        ok("tss2_provision");
        ok("tss2_getrandom", "--numBytes", "16", "--data", "random.bin");
        assertThat(Files.size(jvtpm.file("random.bin"))).isEqualTo(16);
        ok("tss2_createseal", "--path", "HS/SRK/mySeal", "--type", "noDa", "--authValue", "", "--data", "data");
        ok("tss2_unseal", "--path", "HS/SRK/mySeal", "--data", "unsealed");
        bothUnsealedTheSecret();
        both(false, "tss2_createseal", "--path", "HS/SRK/mySeal", "--type", "noDa", "--authValue", "", "--data", "data");
        ok("tss2_createkey", "--path", "HS/SRK/myKey", "--type", "sign,noDa", "--authValue", "");
        ok("tss2_sign", "--keyPath", "HS/SRK/myKey", "--digest", "digest", "--signature", "sig.der",
                "--publicKey", "key.pem");
        ok("tss2_verifysignature", "--keyPath", "HS/SRK/myKey", "--digest", "digest", "--signature", "sig.der");
        for (TcpTpm t : List.of(swtpm, jvtpm)) {
            Files.writeString(t.file("other-digest"), "fedcba9876543210fedcba9876543210");
        }
        both(false, "tss2_verifysignature", "--keyPath", "HS/SRK/myKey", "--digest", "other-digest",
                "--signature", "sig.der");
        Tools.Result[] list = ok("tss2_list");
        assertThat(list[1].stdout()).isEqualTo(list[0].stdout());
        ok("tss2_delete", "--path", "HS/SRK/mySeal");
        both(false, "tss2_unseal", "--path", "HS/SRK/mySeal", "--data", "unsealed2");
        list = ok("tss2_list");
        assertThat(list[1].stdout()).isEqualTo(list[0].stdout());
    }

    /** A FAPI PCR policy (JSON, imported into the keystore) sealing data: unseal fails after PCR 16 changes. */
    @Test
    void sealingToAPcrPolicy() throws Exception {
        ok("tss2_provision");
        for (TcpTpm t : List.of(swtpm, jvtpm)) {
            Files.writeString(t.file("pcr-policy.json"), PCR16_POLICY);
            Files.writeString(t.file("event"), "measured");
        }
        ok("tss2_import", "--path", "/policy/pcr16", "--importData", "pcr-policy.json");
        ok("tss2_createseal", "--path", "HS/SRK/pcrSeal", "--type", "noDa", "--policyPath", "/policy/pcr16",
                "--authValue", "", "--data", "data");
        ok("tss2_unseal", "--path", "HS/SRK/pcrSeal", "--data", "unsealed");
        bothUnsealedTheSecret();
        ok("tss2_pcrextend", "--pcr", "16", "--data", "event");
        both(false, "tss2_unseal", "--path", "HS/SRK/pcrSeal", "--data", "unsealed2");
        Tools.Result[] pcr = ok("tss2_pcrread", "--pcrIndex", "16", "--pcrValue", "-");
        assertThat(pcr[1].stdout()).isEqualTo(pcr[0].stdout());
    }

    /**
     * A policy held in an NV index (tss2_writeauthorizenv), referenced by a POLICYAUTHORIZENV policy
     * that seals data: TPM2_PolicyAuthorizeNV through FAPI.
     */
    @Test
    void sealingToAPolicyHeldInAnNvIndex() throws Exception {
        ok("tss2_provision");
        for (TcpTpm t : List.of(swtpm, jvtpm)) {
            Files.writeString(t.file("pcr-policy.json"), PCR16_POLICY);
            Files.writeString(t.file("authnv-policy.json"), "{\n"
                    + "  \"description\": \"the policy in /nv/Owner/policyNv\",\n"
                    + "  \"policy\": [ { \"type\": \"POLICYAUTHORIZENV\", \"nvPath\": \"/nv/Owner/policyNv\" } ]\n"
                    + "}\n");
            Files.writeString(t.file("event"), "measured");
        }
        ok("tss2_import", "--path", "/policy/pcr16", "--importData", "pcr-policy.json");
        ok("tss2_createnv", "--path", "/nv/Owner/policyNv", "--type", "noDa", "--size", "34", "--authValue", "");
        ok("tss2_writeauthorizenv", "--nvPath", "/nv/Owner/policyNv", "--policyPath", "/policy/pcr16");
        ok("tss2_import", "--path", "/policy/authnv", "--importData", "authnv-policy.json");
        ok("tss2_createseal", "--path", "HS/SRK/nvSeal", "--type", "noDa", "--policyPath", "/policy/authnv",
                "--authValue", "", "--data", "data");
        ok("tss2_unseal", "--path", "HS/SRK/nvSeal", "--data", "unsealed");
        bothUnsealedTheSecret();
        ok("tss2_pcrextend", "--pcr", "16", "--data", "event");
        both(false, "tss2_unseal", "--path", "HS/SRK/nvSeal", "--data", "unsealed2");
    }
}
