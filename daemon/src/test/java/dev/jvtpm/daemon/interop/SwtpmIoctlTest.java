package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Ports;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Tools;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * swtpm_ioctl 0.7.1 (swtpm's own control client) against the daemon's Unix and TCP control
 * sockets: every control command it can send, and a --save/--load round trip that carries PCR
 * values into a fresh daemon.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwtpmIoctlTest {
    /** A daemon and how swtpm_ioctl reaches it. */
    record Target(String name, DaemonProcess daemon, Path dir, List<String> address, int dataPort) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        targets.add(start("unix"));
        targets.add(start("tcp"));
    }

    private Target start(String kind) throws Exception {
        Path dir = TestDirs.create();
        dirs.add(dir);
        int port = Ports.freePair();
        String ctrl = kind.equals("unix") ? "type=unixio,path=" + dir.resolve("ctrl") : "type=tcp,port=" + (port + 1);
        DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--server", "type=tcp,port=" + port, "--ctrl", ctrl).awaitTcp(port);
        List<String> address;
        if (kind.equals("unix")) {
            d.awaitPath(dir.resolve("ctrl"));
            address = List.of("--unix", dir.resolve("ctrl").toString());
        } else {
            d.awaitTcp(port + 1);
            address = List.of("--tcp", "127.0.0.1:" + (port + 1));
        }
        return new Target(kind, d, dir, address, port);
    }

    @AfterAll
    void stop() throws Exception {
        for (Target t : targets) {
            t.daemon().close();
        }
        dirs.forEach(TestDirs::delete);
    }

    Stream<Target> targets() {
        return targets.stream();
    }

    private static Tools.Result ioctl(Target t, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("swtpm_ioctl"));
        cmd.addAll(t.address());
        cmd.addAll(List.of(args));
        return Tools.run(Duration.ofSeconds(30), Map.of(), cmd);
    }

    private static byte[] data(Target t, byte[] command) throws Exception {
        try (Wire w = Wire.tcp(t.dataPort())) {
            return w.transact(command);
        }
    }

    private static void initAndStartup(Target t) throws Exception {
        ioctl(t, "-i").assertOk();
        assertThat(TpmCommands.rc(data(t, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void capability(Target t) throws Exception {
        assertThat(ioctl(t, "-c").assertOk().stdout()).contains("ptm capability is 0xffff");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void initStopAndEstablished(Target t) throws Exception {
        ioctl(t, "-i").assertOk();
        assertThat(ioctl(t, "-e").assertOk().stdout()).containsPattern("tpmEstablished is [01]");
        ioctl(t, "--stop").assertOk();
        Tools.Result stopped = ioctl(t, "-e");
        assertThat(stopped.exit()).isNotZero();
        assertThat(stopped.stderr()).contains("0xa");
        ioctl(t, "-i").assertOk();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void locality(Target t) throws Exception {
        ioctl(t, "-l", "0").assertOk();
        ioctl(t, "-l", "4").assertOk();
        assertThat(ioctl(t, "-l", "5").exit()).isNotZero();
        ioctl(t, "-l", "0").assertOk();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void hashSequenceAndResetEstablished(Target t) throws Exception {
        initAndStartup(t);
        ioctl(t, "-l", "4").assertOk();
        ioctl(t, "-h", "hello").assertOk();
        ioctl(t, "-l", "0").assertOk();
        assertThat(ioctl(t, "-e").assertOk().stdout()).contains("tpmEstablished is 1");
        byte[] rsp = data(t, TpmCommands.pcrReadSha256(17));
        assertThat(TpmCommands.pcrReadDigests(rsp).get(0)).isEqualTo(
                TpmCommands.sha256(new byte[32], TpmCommands.sha256("hello".getBytes(StandardCharsets.US_ASCII))));
        Tools.Result fromZero = ioctl(t, "-r", "0");
        assertThat(fromZero.exit()).isNotZero();
        assertThat(fromZero.stderr()).contains("0x3d");
        ioctl(t, "-r", "3").assertOk();
        assertThat(ioctl(t, "-e").assertOk().stdout()).contains("tpmEstablished is 0");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void storeVolatileCancelAndConfig(Target t) throws Exception {
        initAndStartup(t);
        ioctl(t, "-v").assertOk();
        assertThat(t.dir().resolve("tpm2-00.volatilestate")).exists();
        ioctl(t, "-C").assertOk();
        assertThat(ioctl(t, "-g").assertOk().stdout()).contains("ptm configuration flags: 0x1");
        ioctl(t, "-i").assertOk();
        assertThat(t.dir().resolve("tpm2-00.volatilestate")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void bufferSize(Target t) throws Exception {
        ioctl(t, "-i").assertOk();
        assertThat(ioctl(t, "-b", "0").assertOk().stdout()).contains("TPM buffersize: 4096")
                .contains("minimum size  : 2808").contains("maximum size  : 4096");
        assertThat(ioctl(t, "-b", "3000").exit()).as("only while stopped").isNotZero();
        ioctl(t, "--stop").assertOk();
        assertThat(ioctl(t, "-b", "3000").assertOk().stdout()).contains("TPM buffersize: 3000");
        assertThat(ioctl(t, "-b", "4096").assertOk().stdout()).contains("TPM buffersize: 4096");
        ioctl(t, "-i").assertOk();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void info(Target t) throws Exception {
        assertThat(ioctl(t, "--info", "1").assertOk().stdout().trim())
                .startsWith("{\"TPMSpecification\":{\"family\":\"2.0\"");
        assertThat(ioctl(t, "--info", "7").assertOk().stdout()).contains("\"TPMAttributes\"").contains("\"TPMFeatures\"");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void saveAndLoadCarryPcrValuesIntoAFreshDaemon(Target source) throws Exception {
        initAndStartup(source);
        byte[] digest = TpmCommands.sha256("carried".getBytes(StandardCharsets.US_ASCII));
        assertThat(TpmCommands.rc(data(source, TpmCommands.pcrExtendSha256(16, digest)))).isZero();
        byte[] pcr = TpmCommands.pcrReadDigests(data(source, TpmCommands.pcrReadSha256(16))).get(0);
        Path perm = source.dir().resolve("saved.permall");
        Path vol = source.dir().resolve("saved.volatile");
        ioctl(source, "--save", "permanent", perm.toString()).assertOk();
        ioctl(source, "--save", "volatile", vol.toString()).assertOk();
        assertThat(Files.size(perm)).isPositive();
        assertThat(Files.size(vol)).isPositive();

        Target fresh = start(source.name());
        try {
            ioctl(fresh, "--stop").assertOk();
            ioctl(fresh, "--load", "permanent", perm.toString()).assertOk();
            ioctl(fresh, "--load", "volatile", vol.toString()).assertOk();
            ioctl(fresh, "-i").assertOk();
            byte[] restored = TpmCommands.pcrReadDigests(data(fresh, TpmCommands.pcrReadSha256(16))).get(0);
            assertThat(restored).isEqualTo(pcr);
            // shutdown: the daemon exits and removes its Unix socket
            ioctl(fresh, "-s").assertOk();
            assertThat(fresh.daemon().awaitExit(Duration.ofSeconds(20))).isZero();
            assertThat(fresh.dir().resolve("ctrl")).doesNotExist();
        } finally {
            fresh.daemon().close();
        }
    }
}
