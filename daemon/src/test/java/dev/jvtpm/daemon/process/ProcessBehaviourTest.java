package dev.jvtpm.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Json;
import dev.jvtpm.daemon.testing.Repo;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.Tools;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.daemon.testing.Wire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon as a process (reference §4, §5): pid file, signals, the state directory lock, state
 * that fails to open, --daemon, --runas, the embedded defaults on the real ports, and bin/jvtpm
 * started the way swtpm_setup starts swtpm (inherited descriptors, same pid).
 */
class ProcessBehaviourTest {
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = TestDirs.create();
    }

    @AfterEach
    void clean() {
        TestDirs.delete(dir);
    }

    private DaemonProcess unixDaemon(Path stateDir, String ctrlName, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("socket", "--tpm2", "--tpmstate", "dir=" + stateDir,
                "--ctrl", "type=unixio,path=" + dir.resolve(ctrlName), "--log", "file=" + dir.resolve(ctrlName + ".log")));
        args.addAll(List.of(extra));
        return DaemonProcess.builder(dir).start(args.toArray(new String[0])).awaitPath(dir.resolve(ctrlName));
    }

    private String ask(String ctrlName, String hex, int n) throws IOException {
        try (Wire c = Wire.unix(dir.resolve(ctrlName))) {
            return c.exchange(hex, n);
        }
    }

    private static void awaitNonEmpty(Path file) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + DaemonProcess.START_TIMEOUT.toNanos();
        while (!(Files.exists(file) && Files.size(file) > 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " was not written");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void pidFileHoldsThePidAndSigtermRemovesItAndTheSocket() throws Exception {
        Path pid = dir.resolve("jvtpm.pid");
        DaemonProcess d = unixDaemon(dir, "ctrl", "--pid", "file=" + pid);
        awaitNonEmpty(pid);
        assertThat(Files.readString(pid)).isEqualTo(Long.toString(d.pid())); // no newline, as swtpm
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pid))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ctrl"))))
                .isEqualTo("rwxrwx---");
        d.process().destroy(); // SIGTERM
        assertThat(d.awaitExit(Duration.ofSeconds(20))).isZero();
        assertThat(pid).doesNotExist();
        assertThat(dir.resolve("ctrl")).doesNotExist();
    }

    @Test
    void pidFileByDescriptorIsWrittenAndItsFileRemovedAtExit() throws Exception {
        Path pid = dir.resolve("by-fd.pid");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "exec '" + javaBin + "' -cp '" + DaemonProcess.classpath() + "' dev.jvtpm.daemon.Main socket"
                + " --tpm2 --tpmstate dir=" + dir + " --ctrl type=unixio,path=" + dir.resolve("ctrl")
                + " --pid fd=7 7>" + pid;
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out").toFile());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        try {
            awaitNonEmpty(pid);
            assertThat(Files.readString(pid)).isEqualTo(Long.toString(p.pid())); // bash exec'ed java
            assertThat(ask("ctrl", "00000003", 4)).isEqualTo("00000000");
            assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(pid).doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aSecondDaemonOnTheSameStateDirectoryIsRefused() throws Exception {
        Path state = Files.createDirectory(dir.resolve("state"));
        try (DaemonProcess first = unixDaemon(state, "c1"); DaemonProcess second = unixDaemon(state, "c2")) {
            assertThat(ask("c1", "00000002 00000000", 4)).isEqualTo("00000000");
            assertThat(ask("c2", "00000002 00000000", 4)).as("INIT while another process holds the lock")
                    .isEqualTo("00000009");
            assertThat(Files.readString(dir.resolve("c2.log"))).contains("in use by another process");
            assertThat(ask("c2", "00000001", 8)).isEqualTo("000000000000ffff");

            DaemonProcess third = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + state,
                    "--ctrl", "type=unixio,path=" + dir.resolve("c3"), "--flags", "not-need-init");
            assertThat(third.awaitExit(Duration.ofSeconds(60))).as("not-need-init cannot power on").isEqualTo(1);
            assertThat(third.stderr()).contains("in use by another process").contains(state.toString());

            assertThat(ask("c1", "00000003", 4)).isEqualTo("00000000");
            first.awaitExit(Duration.ofSeconds(20));
            assertThat(ask("c2", "00000002 00000000", 4)).as("the lock is free again").isEqualTo("00000000");
        }
    }

    @Test
    void tamperedStateIsRefusedWithAReasonAndLeftUntouched() throws Exception {
        Path state = Files.createDirectory(dir.resolve("state"));
        try (DaemonProcess d = unixDaemon(state, "c1")) {
            assertThat(ask("c1", "00000002 00000000", 4)).isEqualTo("00000000");
            assertThat(ask("c1", "00000003", 4)).isEqualTo("00000000");
            d.awaitExit(Duration.ofSeconds(20));
        }
        Path permall = state.resolve("tpm2-00.permall");
        byte[] bytes = Files.readAllBytes(permall);
        bytes[bytes.length - 5] ^= 0x40;
        Files.write(permall, bytes);
        try (DaemonProcess d = unixDaemon(state, "c2")) {
            assertThat(ask("c2", "00000002 00000000", 4)).isEqualTo("00000009");
            assertThat(Files.readString(dir.resolve("c2.log"))).contains(permall.toString())
                    .contains("authentication failed");
            assertThat(Files.readAllBytes(permall)).isEqualTo(bytes);
            assertThat(ask("c2", "00000001", 8)).isEqualTo("000000000000ffff");
            assertThat(d.alive()).isTrue();
        }
    }

    @Test
    void stateSealedWithAnotherKeyIsRefused() throws Exception {
        Path state = Files.createDirectory(dir.resolve("state"));
        Path keyA = Files.writeString(dir.resolve("a.key"), "00112233445566778899aabbccddeeff");
        Path keyB = Files.writeString(dir.resolve("b.key"), "ffeeddccbbaa99887766554433221100");
        try (DaemonProcess d = unixDaemon(state, "c1", "--key", "file=" + keyA)) {
            assertThat(ask("c1", "00000002 00000000", 4)).isEqualTo("00000000");
            assertThat(ask("c1", "00000003", 4)).isEqualTo("00000000");
            d.awaitExit(Duration.ofSeconds(20));
        }
        try (DaemonProcess d = unixDaemon(state, "c2", "--key", "file=" + keyB)) {
            assertThat(ask("c2", "00000002 00000000", 4)).isEqualTo("00000009");
            assertThat(Files.readString(dir.resolve("c2.log"))).contains("sealed with a different key");
        }
        try (DaemonProcess d = unixDaemon(state, "c3", "--key", "file=" + keyA)) {
            assertThat(ask("c3", "00000002 00000000", 4)).as("the right key still opens it").isEqualTo("00000000");
        }
    }

    @Test
    void keysFromPipeDescriptorsAsLibvirtPassesThem() throws Exception {
        // libvirt writes the secret into a pipe and passes its read end as pwdfd=N
        Path state = Files.createDirectory(dir.resolve("state"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "exec '" + javaBin + "' -cp '" + DaemonProcess.classpath() + "' dev.jvtpm.daemon.Main socket"
                + " --tpm2 --tpmstate dir=" + state + " --ctrl type=unixio,path=" + dir.resolve("c1")
                + " --key pwdfd=5,mode=aes-256-cbc --migration-key fd=6,mode=aes-128-cbc"
                + " 5< <(printf 'vm secret\\n') 6< <(printf 00112233445566778899aabbccddeeff)";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(dir.resolve("c1.out").toFile());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + DaemonProcess.START_TIMEOUT.toNanos();
            while (true) {
                try (Wire c = Wire.unix(dir.resolve("c1"))) {
                    assertThat(c.exchange("00000002 00000000", 4)).isEqualTo("00000000");
                    assertThat(c.exchange("0000000f", 8)).as("file key and migration key").isEqualTo("0000000000000003");
                    assertThat(c.exchange("00000003", 4)).isEqualTo("00000000");
                    break;
                } catch (IOException notYet) {
                    assertThat(p.isAlive()).as(Files.readString(dir.resolve("c1.out"))).isTrue();
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(20);
                }
            }
            assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        // the same passphrase from a file gives the same key: the state opens
        Path pwd = Files.writeString(dir.resolve("pwd"), "vm secret\n");
        try (DaemonProcess again = unixDaemon(state, "c2", "--key", "pwdfile=" + pwd + ",mode=aes-256-cbc")) {
            assertThat(ask("c2", "00000002 00000000", 4)).isEqualTo("00000000");
        }
    }

    @Test
    void daemonModeDetachesAndReturnsOnceReady() throws Exception {
        Path pid = dir.resolve("d.pid");
        DaemonProcess launcher = DaemonProcess.builder(dir).start("socket", "--tpm2", "--daemon", "--tpmstate",
                "dir=" + dir, "--ctrl", "type=unixio,path=" + dir.resolve("ctrl"), "--pid", "file=" + pid,
                "--flags", "not-need-init", "--log", "file=" + dir.resolve("d.log") + ",level=2");
        assertThat(launcher.awaitExit(Duration.ofSeconds(60))).as(launcher.stderr()).isZero();
        // everything is ready when the launching process returns
        assertThat(dir.resolve("ctrl")).exists();
        long daemonPid = Long.parseLong(Files.readString(pid));
        assertThat(daemonPid).isNotEqualTo(launcher.pid());
        ProcessHandle daemon = ProcessHandle.of(daemonPid).orElseThrow();
        try {
            String stat = Files.readString(Path.of("/proc/" + daemonPid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertThat(fields[3]).as("session id: the daemon leads a new session").isEqualTo(Long.toString(daemonPid));
            assertThat(ask("ctrl", "00000001", 8)).isEqualTo("000000000000ffff");
            assertThat(ask("ctrl", "00000004", 8)).as("powered on (not-need-init)").startsWith("00000000");
            assertThat(ask("ctrl", "00000003", 4)).isEqualTo("00000000");
            assertThat(daemon.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(pid).doesNotExist();
            assertThat(dir.resolve("ctrl")).doesNotExist();
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void daemonModeReportsTheChildsErrorAndFails() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DaemonProcess launcher = DaemonProcess.builder(dir).start("socket", "--tpm2", "--daemon", "--tpmstate",
                    "dir=" + dir, "--ctrl", "type=tcp,port=" + busy.getLocalPort());
            assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(launcher.stderr()).contains("could not open tcp 127.0.0.1:" + busy.getLocalPort());
        }
    }

    @Test
    void runAsDropsPrivilegesWhenRootAndIsRefusedOtherwise() throws Exception {
        Path state = Files.createDirectory(dir.resolve("state"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path pwd = Files.writeString(dir.resolve("pwd"), "runas test\n");
        Files.setPosixFilePermissions(pwd, PosixFilePermissions.fromString("rw-r--r--"));
        boolean root = "root".equals(System.getProperty("user.name"));
        DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--runas", "nobody", "--tpmstate",
                "dir=" + state, "--ctrl", "type=unixio,path=" + dir.resolve("ctrl"), "--key", "pwdfile=" + pwd);
        try {
            if (!root) {
                assertThat(d.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(d.stderr()).contains("--runas nobody: only root can change to another user");
                return;
            }
            d.awaitPath(dir.resolve("ctrl"));
            String status = Files.readString(Path.of("/proc/" + d.pid() + "/status"));
            int nobody = Integer.parseInt(Tools.run(Map.of(), "id", "-u", "nobody").assertOk().stdout().trim());
            assertThat(status).containsPattern("Uid:\\s+" + nobody + "\\s+" + nobody);
            assertThat(ask("ctrl", "00000002 00000000", 4)).isEqualTo("00000000");
            assertThat(Files.getOwner(state.resolve("tpm2-00.permall")).getName()).isEqualTo("nobody");
        } finally {
            d.close();
        }
    }

    @Test
    void seccompIsAcceptedAndTheMissingFilterIsLogged() throws Exception {
        try (DaemonProcess d = unixDaemon(dir, "ctrl", "--seccomp", "action=kill", "--log",
                "file=" + dir.resolve("s.log") + ",level=2,prefix=vm1: ")) {
            assertThat(ask("ctrl", "00000001", 8)).isEqualTo("000000000000ffff");
            String log = Files.readString(dir.resolve("s.log"));
            assertThat(log).contains("vm1: no seccomp syscall filter is installed (--seccomp action=kill");
            assertThat(log.lines()).allMatch(l -> l.startsWith("vm1: "));
        }
    }

    @Test
    void startupStateWithNothingToResumeKeepsRunningUnstarted() throws Exception {
        int port = dev.jvtpm.daemon.testing.Ports.free();
        try (DaemonProcess d = DaemonProcess.builder(dir).start("socket", "--tpm2", "--tpmstate", "dir=" + dir,
                "--server", "type=tcp,port=" + port, "--flags", "startup-state", "--log", "file=" + dir.resolve("l"))
                .awaitTcp(port); Wire w = Wire.tcp(port)) {
            assertThat(TpmCommands.rc(w.transact(TpmCommands.getRandom(4)))).isEqualTo(TpmCommands.RC_INITIALIZE);
            assertThat(TpmCommands.rc(w.transact(TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
            assertThat(Files.readString(dir.resolve("l"))).contains("TPM2_Startup(STATE) at start returned 0x");
        }
    }

    @Test
    void embeddedDefaultsOnThe2321And2322Ports() throws Exception {
        for (int port : new int[] {2321, 2322}) {
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                probe.getLocalPort();
            } catch (IOException busy) {
                throw new AssertionError("port " + port + " is in use on this machine; this test needs the real "
                        + "default ports 2321/2322 free (it does not skip)", busy);
            }
        }
        try (DaemonProcess d = DaemonProcess.builder(dir).withoutEnv("XDG_CONFIG_HOME").withoutEnv("XDG_DATA_HOME")
                .start("socket")) {
            d.awaitTcp(2321).awaitTcp(2322);
            Tools.Result r = Tools.run(Map.of("TPM2TOOLS_TCTI", "swtpm:port=2321"), "tpm2_getrandom", "--hex", "8");
            assertThat(r.assertOk().stdout().trim()).matches("[0-9a-f]{16}");
            Path state = dir.resolve(".local/share/jvtpm/default");
            Path key = dir.resolve(".config/jvtpm/state.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
            assertThat(state.resolve("tpm2-00.permall")).exists();
            d.process().destroy();
            assertThat(d.awaitExit(Duration.ofSeconds(20))).isZero();
        }
    }

    @Test
    void launcherKeepsThePidAndInheritedDescriptorsLikeSwtpmSetupNeeds() throws Exception {
        Path script = Path.of(getClass().getResource("/fd-handoff.py").toURI());
        Path pid = dir.resolve("setup.pid");
        String launcher = Repo.root().resolve("bin/jvtpm").toString();
        Tools.Result r = Tools.run(Duration.ofSeconds(120),
                Map.of("JVTPM_CLASSPATH", DaemonProcess.classpath(), "HOME", dir.toString()),
                List.of("python3", script.toString(), pid.toString(), launcher, "socket", "--tpm2",
                        "--flags", "not-need-init,startup-clear", "--tpmstate", "backend-uri=dir://" + dir,
                        "--pid", "file=" + pid, "--server", "type=tcp,fd={DATAFD}",
                        "--ctrl", "type=unixio,clientfd={CTRLFD}", "--key", "file=" + keyFile()));
        r.assertOk();
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) Json.parse(r.stdout().trim());
        assertThat(out.get("pidfile")).as("bin/jvtpm execs java: the pid is the launcher's").isEqualTo(
                out.get("pid").toString());
        assertThat(out.get("capability")).isEqualTo("000000000000ffff");
        assertThat((String) out.get("getrandom")).startsWith("80010000001400000000");
        assertThat(out.get("shutdown")).isEqualTo("00000000");
        assertThat(out.get("exit")).isEqualTo(0L);
        assertThat(out.get("pidfile_after_exit")).isEqualTo(Boolean.FALSE);
    }

    private Path keyFile() throws IOException {
        return Files.writeString(dir.resolve("k"), "0x000102030405060708090a0b0c0d0e0f\n");
    }
}
