package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Tools;
import dev.jvtpm.daemon.testing.TpmCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tpm2-tools 5.4 (tpm2-tss 3.2.1) against a real daemon. The same tests run over tcti-swtpm and
 * tcti-mssim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Tpm2ToolsContract {
    Path dir;
    int port;
    DaemonProcess daemon;

    abstract String[] daemonArguments();

    /** The TPM2TOOLS_TCTI value. */
    abstract String tcti();

    @BeforeAll
    void start() throws Exception {
        dir = TestDirs.create();
        port = Ports.freePair();
        List<String> args = new ArrayList<>(List.of("socket", "--tpm2", "--tpmstate", "dir=" + dir));
        args.addAll(List.of(daemonArguments()));
        daemon = DaemonProcess.builder(dir).start(args.toArray(new String[0])).awaitTcp(port).awaitTcp(port + 1);
        tool("tpm2_startup", "-c").assertOk();
    }

    @AfterAll
    void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        TestDirs.delete(dir);
    }

    Tools.Result tool(String... cmd) throws Exception {
        return Tools.run(Map.of("TPM2TOOLS_TCTI", tcti()), cmd);
    }

    @Test
    void getrandomReturnsFreshBytes() throws Exception {
        String a = tool("tpm2_getrandom", "--hex", "32").assertOk().stdout().trim();
        String b = tool("tpm2_getrandom", "--hex", "32").assertOk().stdout().trim();
        assertThat(a).matches("[0-9a-f]{64}");
        assertThat(b).matches("[0-9a-f]{64}").isNotEqualTo(a);
    }

    @Test
    void stirrandomIsAccepted() throws Exception {
        Path seed = Files.write(dir.resolve("seed"), "additional input".getBytes(StandardCharsets.US_ASCII));
        tool("tpm2_stirrandom", seed.toString()).assertOk();
        assertThat(tool("tpm2_getrandom", "--hex", "8").assertOk().stdout().trim()).matches("[0-9a-f]{16}");
    }

    Stream<String> capabilityCategories() throws Exception {
        // every category the installed tool knows
        String list = tool("tpm2_getcap", "-l").assertOk().stdout();
        List<String> categories = new ArrayList<>();
        for (String line : list.split("\n")) {
            if (line.startsWith("- ")) {
                categories.add(line.substring(2).trim());
            }
        }
        assertThat(categories).contains("algorithms", "commands", "pcrs", "properties-fixed", "properties-variable",
                "ecc-curves", "handles-transient", "handles-persistent", "handles-permanent", "handles-pcr",
                "handles-nv-index", "handles-loaded-session", "handles-saved-session");
        return categories.stream();
    }

    @ParameterizedTest
    @MethodSource("capabilityCategories")
    void getcapOfEveryCategory(String category) throws Exception {
        Tools.Result r = tool("tpm2_getcap", category);
        r.assertOk();
        switch (category) {
            case "commands":
                assertThat(r.stdout()).contains("TPM2_CC_GetRandom").contains("TPM2_CC_PCR_Extend");
                break;
            case "algorithms":
                assertThat(r.stdout()).contains("sha256");
                break;
            case "pcrs":
                assertThat(r.stdout()).contains("sha256:");
                break;
            case "properties-fixed":
                assertThat(r.stdout()).contains("TPM2_PT_FAMILY_INDICATOR").contains("TPM2_PT_MANUFACTURER");
                break;
            case "properties-variable":
                assertThat(r.stdout()).contains("TPM2_PT_STARTUP_CLEAR");
                break;
            case "handles-pcr":
                assertThat(r.stdout()).contains("0x0").contains("0x17");
                break;
            case "handles-permanent":
                assertThat(r.stdout()).contains("0x40000001");
                break;
            default:
                break;
        }
    }

    @Test
    void pcrExtendThenRead() throws Exception {
        byte[] digest = TpmCommands.sha256("measured".getBytes(StandardCharsets.US_ASCII));
        String before = pcr16();
        tool("tpm2_pcrextend", "16:sha256=" + Hex.of(digest)).assertOk();
        String after = pcr16();
        assertThat(after).isEqualTo(Hex.of(TpmCommands.sha256(Hex.bytes(before), digest)));
        String out = tool("tpm2_pcrread", "sha256:0,1,2,3,16").assertOk().stdout();
        assertThat(out).contains("sha256:").contains("0 : 0x").contains("16: 0x" + after.toUpperCase());
    }

    private String pcr16() throws Exception {
        String out = tool("tpm2_pcrread", "sha256:16").assertOk().stdout();
        int i = out.indexOf("0x");
        return out.substring(i + 2, i + 2 + 64).toLowerCase();
    }

    /** Tool invocations of clock, hash sequence, PCR reset and event commands. */
    static Stream<ToolCase> clockHashAndPcrTools() {
        return Stream.of(
                new ToolCase("tpm2_readclock", List.of("tpm2_readclock")),
                new ToolCase("tpm2_hash", List.of("tpm2_hash", "-g", "sha256", "--hex", "@input")),
                new ToolCase("tpm2_pcrreset", List.of("tpm2_pcrreset", "16")),
                new ToolCase("tpm2_pcrevent", List.of("tpm2_pcrevent", "16", "@input")));
    }

    record ToolCase(String name, List<String> command) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest
    @MethodSource("clockHashAndPcrTools")
    void clockHashAndPcrToolsWork(ToolCase c) throws Exception {
        Path input = Files.writeString(dir.resolve("input"), "event data\n");
        String[] cmd = c.command().stream().map(a -> a.equals("@input") ? input.toString() : a).toArray(String[]::new);
        tool(cmd).assertOk();
        tool("tpm2_getrandom", "4").assertOk();
    }
}
