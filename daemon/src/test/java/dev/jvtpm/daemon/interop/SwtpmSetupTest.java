package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.Repo;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Tools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The manufacturing step libvirt runs on a VM's first start: {@code swtpm_setup --tpm2
 * --createek --create-ek-cert --create-platform-cert --lock-nvram}, with swtpm_setup driving
 * jvtpm ({@code --tpm "bin/jvtpm socket"}) exactly as it drives swtpm, and swtpm_localca as the
 * local CA (its own key and certificates in a temporary directory, never /var/lib). Both TPMs are
 * manufactured side by side; then each is started on its state and read with tpm2-tools: the
 * same persistent EKs and NV certificate indexes with the same attributes, an EK certificate
 * whose key is the persistent EK's and that verifies up to the local CA's root, and an EK that
 * tpm2_createek re-derives from the endorsement seed with the TCG template.
 */
class SwtpmSetupTest {
    private static final Pattern CREATED = Pattern.compile("Successfully (created|activated) [^\\n]*");

    private Path dir;
    private final List<Process> started = new ArrayList<>();
    private final List<DaemonProcess> daemons = new ArrayList<>();

    @BeforeEach
    void dir() throws IOException {
        dir = TestDirs.create();
    }

    @AfterEach
    void clean() throws Exception {
        for (DaemonProcess d : daemons) {
            d.close();
        }
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        TestDirs.delete(dir);
    }

    @Test
    void swtpmSetupManufacturesJvtpmAsItManufacturesSwtpm() throws Exception {
        Path ca = dir.resolve("localca");
        Files.createDirectories(ca);
        Path caConf = Files.writeString(dir.resolve("swtpm-localca.conf"), "statedir = " + ca + "\n"
                + "signingkey = " + ca.resolve("signkey.pem") + "\n"
                + "issuercert = " + ca.resolve("issuercert.pem") + "\n"
                + "certserial = " + ca.resolve("certserial") + "\n");
        Path caOptions = Files.writeString(dir.resolve("swtpm-localca.options"),
                "--platform-manufacturer jvtpm-test\n--platform-version 2.1\n--platform-model QEMU\n");
        Path setupConf = Files.writeString(dir.resolve("swtpm_setup.conf"),
                "create_certs_tool = /usr/bin/swtpm_localca\n"
                        + "create_certs_tool_config = " + caConf + "\n"
                        + "create_certs_tool_options = " + caOptions + "\n"
                        + "active_pcr_banks = sha256\n");

        Path jvtpmState = Files.createDirectories(dir.resolve("jvtpm-state"));
        Path swtpmState = Files.createDirectories(dir.resolve("swtpm-state"));
        Map<String, String> jvtpmEnv = new HashMap<>();
        jvtpmEnv.put("JVTPM_CLASSPATH", DaemonProcess.classpath());
        // The daemon started below for the same state finds the generated state key here.
        jvtpmEnv.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        jvtpmEnv.put("HOME", dir.toString());
        Tools.Result jvtpmSetup = setup(jvtpmEnv, setupConf, jvtpmState,
                "--tpm", Repo.root().resolve("bin/jvtpm") + " socket");
        Tools.Result swtpmSetup = setup(Map.of("HOME", dir.toString()), setupConf, swtpmState);
        assertThat(created(jvtpmSetup)).as("what swtpm_setup reports for jvtpm").isEqualTo(created(swtpmSetup))
                .contains("Successfully created RSA 2048 EK with handle 0x81010001.",
                        "Successfully created NVRAM area 0x1c00002 for RSA 2048 EK certificate.",
                        "Successfully created NVRAM area 0x1c08000 for platform certificate.");

        int jvtpmPort = Ports.freePair();
        daemons.add(DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + jvtpmState,
                "--server", "type=tcp,port=" + jvtpmPort, "--ctrl", "type=tcp,port=" + (jvtpmPort + 1),
                "--flags", "not-need-init,startup-clear").awaitTcp(jvtpmPort).awaitTcp(jvtpmPort + 1));
        int swtpmPort = Ports.freePair();
        started.add(new ProcessBuilder("swtpm", "socket", "--tpm2", "--tpmstate", "dir=" + swtpmState,
                "--server", "type=tcp,port=" + swtpmPort + ",bindaddr=127.0.0.1",
                "--ctrl", "type=tcp,port=" + (swtpmPort + 1) + ",bindaddr=127.0.0.1",
                "--flags", "not-need-init,startup-clear")
                .redirectErrorStream(true).redirectOutput(dir.resolve("swtpm.log").toFile()).start());
        awaitPort(swtpmPort + 1);

        Manufactured jvtpm = inspect("jvtpm", jvtpmPort, ca);
        Manufactured swtpm = inspect("swtpm", swtpmPort, ca);
        assertThat(jvtpm.persistent).isEqualTo(swtpm.persistent).contains("0x81010001");
        assertThat(jvtpm.nvIndexes).isEqualTo(swtpm.nvIndexes);
    }

    private Tools.Result setup(Map<String, String> env, Path conf, Path state, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("swtpm_setup", "--tpm2", "--tpmstate", state.toString(),
                "--config", conf.toString(), "--createek", "--create-ek-cert", "--create-platform-cert",
                "--lock-nvram", "--overwrite"));
        cmd.addAll(List.of(extra));
        return Tools.run(Duration.ofSeconds(180), env, cmd).assertOk();
    }

    private static List<String> created(Tools.Result r) {
        List<String> lines = new ArrayList<>();
        Matcher m = CREATED.matcher(r.stdout() + r.stderr());
        while (m.find()) {
            lines.add(m.group());
        }
        return lines;
    }

    /** What tpm2-tools find in a manufactured TPM, after checking its EK and EK certificate. */
    private record Manufactured(String persistent, String nvIndexes) {}

    private Manufactured inspect(String name, int port, Path ca) throws Exception {
        Path work = Files.createDirectories(dir.resolve("inspect-" + name));
        Map<String, String> env = Map.of("TPM2TOOLS_TCTI", "swtpm:host=127.0.0.1,port=" + port);
        String persistent = Tools.run(env, "tpm2_getcap", "handles-persistent").assertOk().stdout();
        // Names depend on the data (keys and certificates differ per TPM); attributes and sizes do not.
        String nvPublic = Tools.run(env, "tpm2_nvreadpublic").assertOk().stdout()
                .replaceAll("(?m)^  name: .*\\n", "").replaceAll("(?m)^  size: .*\\n", "");

        Path certDer = work.resolve("ek.der");
        Tools.run(env, "tpm2_nvread", "-C", "o", "0x1c00002", "-o", certDer.toString()).assertOk();
        Path certPem = work.resolve("ek.crt");
        run("openssl", "x509", "-inform", "DER", "-in", certDer.toString(), "-out", certPem.toString());
        Tools.Result verify = run("openssl", "verify", "-CAfile", ca.resolve("swtpm-localca-rootca-cert.pem").toString(),
                "-untrusted", ca.resolve("issuercert.pem").toString(), certPem.toString());
        assertThat(verify.stdout()).as(name + ": the EK certificate chains to the local CA").contains(": OK");

        String certKey = run("openssl", "x509", "-in", certPem.toString(), "-noout", "-pubkey").stdout();
        Path persistentEk = work.resolve("ek-persistent.pem");
        Tools.run(env, "tpm2_readpublic", "-c", "0x81010001", "-f", "pem", "-o", persistentEk.toString()).assertOk();
        assertThat(certKey).as(name + ": the certificate certifies the persistent EK")
                .isEqualTo(Files.readString(persistentEk));

        Path derivedEk = work.resolve("ek-derived.pem");
        Tools.run(env, "tpm2_createek", "-c", work.resolve("ek.ctx").toString(), "-G", "rsa",
                "-u", work.resolve("ek.pub").toString(), "-f", "pem").assertOk();
        Tools.run(env, "tpm2_readpublic", "-c", work.resolve("ek.ctx").toString(), "-f", "pem",
                "-o", derivedEk.toString()).assertOk();
        assertThat(Files.readString(derivedEk)).as(name + ": tpm2_createek derives the same EK from the seed")
                .isEqualTo(Files.readString(persistentEk));
        Tools.run(env, "tpm2_flushcontext", "-t").assertOk();
        return new Manufactured(persistent, nvPublic);
    }

    private static Tools.Result run(String... cmd) throws Exception {
        return Tools.run(Map.of(), cmd).assertOk();
    }

    private void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IOException("swtpm did not open port " + port);
    }
}
