package dev.jvtpm.daemon.ctrl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.QemuLikeClient;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CMD_SET_DATAFD exactly as QEMU does it (reference §1.4): the descriptor travels as SCM_RIGHTS
 * with the 4-byte command, becomes the persistent data channel, a second one is refused with
 * TPM_IOERROR, a message without one is TPM_BAD_PARAMETER, and after the data channel hangs up
 * a new one is accepted — or, with --terminate, the daemon exits and removes its socket.
 */
class SetDataFdTest {
    private Path dir;

    @BeforeEach
    void dir() throws Exception {
        dir = TestDirs.create();
    }

    @AfterEach
    void clean() {
        TestDirs.delete(dir);
    }

    private DaemonProcess start(String... extra) throws Exception {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"socket", "--tpm2", "--tpmstate", "dir=" + dir, "--ctrl",
            "type=unixio,path=" + dir.resolve("ctrl")}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        return DaemonProcess.builder(dir).start(args).awaitPath(dir.resolve("ctrl"));
    }

    @Test
    void descriptorBecomesThePersistentDataChannel() throws Exception {
        try (DaemonProcess d = start(); QemuLikeClient qemu = new QemuLikeClient(dir.resolve("ctrl"))) {
            assertThat(qemu.setDataFd()).isEqualTo("00000000");
            // QEMU's TPM 2 probe before INIT gets the fatal response on the new data channel
            assertThat(Hex.of(qemu.data().transact(TpmCommands.readClock()))).isEqualTo(TpmCommands.FATAL);
            assertThat(qemu.ask("00000001", 8)).isEqualTo("000000000000ffff");
            qemu.machineReset(4096);
            assertThat(TpmCommands.rc(qemu.data().transact(TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
            for (int i = 0; i < 3; i++) {
                assertThat(TpmCommands.rc(qemu.data().transact(TpmCommands.getRandom(16)))).isZero();
            }
            assertThat(qemu.setDataFd()).as("a second SET_DATAFD while one is installed").isEqualTo("0000001f");
            assertThat(TpmCommands.rc(qemu.data().transact(TpmCommands.getRandom(16)))).isZero();
        }
    }

    @Test
    void withoutADescriptorItIsBadParameter() throws Exception {
        try (DaemonProcess d = start(); QemuLikeClient qemu = new QemuLikeClient(dir.resolve("ctrl"))) {
            assertThat(qemu.ask("00000010", 4)).isEqualTo("00000003");
            assertThat(qemu.setDataFd()).isEqualTo("00000000");
        }
    }

    @Test
    void afterTheDataChannelHangsUpANewOneIsAccepted() throws Exception {
        try (DaemonProcess d = start(); QemuLikeClient qemu = new QemuLikeClient(dir.resolve("ctrl"))) {
            assertThat(qemu.setDataFd()).isEqualTo("00000000");
            qemu.data().close();
            String again = qemu.setDataFd();
            for (int i = 0; i < 100 && again.equals("0000001f"); i++) {
                Thread.sleep(50); // the daemon notices the hang-up asynchronously
                again = qemu.setDataFd();
            }
            assertThat(again).isEqualTo("00000000");
            assertThat(Hex.of(qemu.data().transact(TpmCommands.readClock()))).isEqualTo(TpmCommands.FATAL);
            assertThat(d.alive()).isTrue();
        }
    }

    @Test
    void withTerminateTheDaemonExitsWhenTheDataChannelHangsUp() throws Exception {
        try (DaemonProcess d = start("--terminate"); QemuLikeClient qemu = new QemuLikeClient(dir.resolve("ctrl"))) {
            assertThat(qemu.setDataFd()).isEqualTo("00000000");
            assertThat(Hex.of(qemu.data().transact(TpmCommands.readClock()))).isEqualTo(TpmCommands.FATAL);
            qemu.data().close();
            assertThat(d.awaitExit(Duration.ofSeconds(20))).isZero();
            assertThat(dir.resolve("ctrl")).doesNotExist();
        }
    }
}
