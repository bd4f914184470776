package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.DaemonProcess;
import dev.jvtpm.daemon.testing.Hex;
import dev.jvtpm.daemon.testing.QemuLikeClient;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The message sequences of QEMU's tpm_emulator backend (reference §3), replayed byte for byte
 * against real daemons: backend creation, the machine-reset sequence, guest commands with the
 * 4-byte SET_LOCALITY, the established flag, outgoing and incoming migration between two
 * daemons (with and without a migration key), and shutdown.
 */
class QemuSequenceTest {
    private final List<Path> dirs = new ArrayList<>();
    private final List<DaemonProcess> daemons = new ArrayList<>();

    @BeforeEach
    void none() {
        dirs.clear();
        daemons.clear();
    }

    @AfterEach
    void clean() throws Exception {
        for (DaemonProcess d : daemons) {
            d.close();
        }
        dirs.forEach(TestDirs::delete);
    }

    /** A daemon as libvirt starts it for QEMU: Unix control socket only, state in its own dir. */
    private Path daemon(String... extra) throws Exception {
        Path dir = TestDirs.create();
        dirs.add(dir);
        List<String> args = new ArrayList<>(List.of("socket", "--tpm2", "--tpmstate", "dir=" + dir + ",mode=0600",
                "--ctrl", "type=unixio,path=" + dir.resolve("ctrl") + ",mode=0600",
                "--log", "file=" + dir.resolve("log")));
        args.addAll(List.of(extra));
        daemons.add(DaemonProcess.builder(dir).start(args.toArray(new String[0])).awaitPath(dir.resolve("ctrl")));
        return dir;
    }

    /** Step 1 of §3: SET_DATAFD, the TPM 2 probe (fatal before INIT), GET_CAPABILITY with the required bits. */
    private QemuLikeClient createBackend(Path dir) throws Exception {
        QemuLikeClient qemu = new QemuLikeClient(dir.resolve("ctrl"));
        assertThat(qemu.setDataFd()).isEqualTo("00000000");
        byte[] probe = qemu.data().transact(TpmCommands.readClock());
        assertThat(Hex.of(probe).substring(0, 4)).as("tag 0x8001 means TPM 2").isEqualTo("8001");
        long caps = Long.parseLong(qemu.ask("00000001", 8), 16);
        assertThat(caps & 0x348F).as("capabilities QEMU requires for a TPM 2").isEqualTo(0x348F);
        assertThat(caps & (0x100 | 0x200 | 0x400)).as("migration needs GET/SET_STATEBLOB and STOP").isEqualTo(0x700);
        return qemu;
    }

    /** Step 3 of §3: SET_LOCALITY with QEMU's 4-byte body, then the command on the data fd. */
    private static byte[] guestCommand(QemuLikeClient qemu, int locality, byte[] command) throws Exception {
        assertThat(qemu.ask(String.format("00000005 %02x000000", locality), 4)).isEqualTo("00000000");
        return qemu.data().transact(command);
    }

    private static byte[] pcr16(QemuLikeClient qemu) throws Exception {
        byte[] rsp = guestCommand(qemu, 0, TpmCommands.pcrReadSha256(16));
        assertThat(TpmCommands.rc(rsp)).isZero();
        return TpmCommands.pcrReadDigests(rsp).get(0);
    }

    @Test
    void machineResetSequenceThenGuestCommands() throws Exception {
        Path dir = daemon();
        try (QemuLikeClient qemu = createBackend(dir)) {
            // §3.2 with tpm-crb's 3968-byte buffer
            assertThat(qemu.ask("0000000e", 4)).isEqualTo("00000000");
            assertThat(qemu.ask("00000011 00000000", 16)).isEqualTo("000000000000100000000af800001000");
            assertThat(qemu.ask("0000000e", 4)).isEqualTo("00000000");
            assertThat(qemu.ask("00000011 00000f80", 16)).isEqualTo("0000000000000f8000000af800001000");
            assertThat(qemu.ask("00000002 00000000", 4)).isEqualTo("00000000");

            assertThat(TpmCommands.rc(guestCommand(qemu, 0, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
            assertThat(qemu.ask("00000004", 8)).isEqualTo("0000000000000000");
            assertThat(TpmCommands.rc(guestCommand(qemu, 0, TpmCommands.getRandom(32)))).isZero();
            // a command larger than the negotiated buffer: TPM_RC_COMMAND_SIZE, and the channel stays usable
            byte[] big = ByteBuffer.allocate(4000).putShort((short) 0x8001).putInt(4000).putInt(0x17B).array();
            assertThat(TpmCommands.rc(guestCommand(qemu, 0, big))).isEqualTo(TpmCommands.RC_COMMAND_SIZE);
            assertThat(TpmCommands.rc(guestCommand(qemu, 0, TpmCommands.getRandom(8)))).isZero();
            // the guest resets the established flag from locality 3 (QEMU puts its last locality in the body)
            assertThat(qemu.ask("0000000b 03000000", 4)).isEqualTo("00000000");

            // reboot: the same sequence again; the guest then needs Startup
            qemu.machineReset(3968);
            assertThat(TpmCommands.rc(guestCommand(qemu, 0, TpmCommands.getRandom(8))))
                    .isEqualTo(TpmCommands.RC_INITIALIZE);
            assertThat(TpmCommands.rc(guestCommand(qemu, 0, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();

            // orderly QEMU exit: SHUTDOWN, the daemon exits and removes its socket
            assertThat(qemu.ask("00000003", 4)).isEqualTo("00000000");
        }
        assertThat(daemons.get(0).awaitExit(java.time.Duration.ofSeconds(20))).isZero();
        assertThat(dir.resolve("ctrl")).doesNotExist();
    }

    /** §3.5 then §3.6: GET the three blobs from one daemon, SET them into a fresh one, INIT(DELETE_VOLATILE). */
    private void migrate(String[] sourceOptions, String[] destinationOptions, boolean expectSuccess) throws Exception {
        Path src = daemon(sourceOptions);
        Path dst = daemon(destinationOptions);
        byte[] measured = TpmCommands.sha256("migrated".getBytes(StandardCharsets.US_ASCII));
        byte[] pcrBefore;
        List<QemuLikeClient.Blob> blobs = new ArrayList<>();
        try (QemuLikeClient source = createBackend(src)) {
            source.machineReset(4096);
            assertThat(TpmCommands.rc(guestCommand(source, 0, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
            assertThat(TpmCommands.rc(guestCommand(source, 0, TpmCommands.pcrExtendSha256(16, measured)))).isZero();
            pcrBefore = pcr16(source);
            assertThat(pcrBefore).isEqualTo(TpmCommands.sha256(new byte[32], measured));
            for (int type = 1; type <= 3; type++) {
                blobs.add(source.getStateBlob(1, type)); // QEMU always asks DECRYPTED
            }
        }
        assertThat(blobs.get(0).result()).isZero();
        assertThat(blobs.get(1).result()).isZero();
        assertThat(blobs.get(2).result()).as("a TPM 2 has no savestate blob").isEqualTo(0x800);
        assertThat(src.resolve("tpm2-00.volatilestate")).as("GET of the volatile blob removes the file").doesNotExist();

        try (QemuLikeClient destination = createBackend(dst)) {
            // incoming: reset sequence without INIT, then post_load
            assertThat(destination.ask("0000000e", 4)).isEqualTo("00000000");
            destination.ask("00000011 00000000", 16);
            assertThat(destination.ask("0000000e", 4)).isEqualTo("00000000");
            destination.ask("00000011 00001000", 16);
            assertThat(destination.ask("0000000e", 4)).isEqualTo("00000000");
            List<String> results = new ArrayList<>();
            for (int type = 1; type <= 3; type++) {
                QemuLikeClient.Blob b = blobs.get(type - 1);
                if (b.result() == 0 && b.bytes().length > 0) {
                    results.add(destination.setStateBlob(b.flags(), type, b.bytes()));
                }
            }
            if (!expectSuccess) {
                assertThat(results).as("blobs sealed with a migration key the destination lacks")
                        .containsOnly("0000000d");
                return;
            }
            assertThat(results).containsOnly("00000000");
            assertThat(destination.ask("00000002 00000001", 4)).isEqualTo("00000000");
            // resumed from the volatile blob: no Startup, and the PCR value travelled
            assertThat(pcr16(destination)).isEqualTo(pcrBefore);
            assertThat(TpmCommands.rc(guestCommand(destination, 0, TpmCommands.getRandom(8)))).isZero();
        }
        assertThat(Files.readString(dst.resolve("log"))).doesNotContain("Error");
    }

    @Test
    void migrationBetweenTwoDaemonsCarriesTheTpmState() throws Exception {
        migrate(new String[0], new String[0], true);
    }

    @Test
    void migrationWithAMigrationKeyOnBothSides() throws Exception {
        Path keys = TestDirs.create();
        dirs.add(keys);
        Path pwd = Files.writeString(keys.resolve("migration.pwd"), "shared migration secret\n");
        String option = "pwdfile=" + pwd + ",mode=aes-256-cbc";
        migrate(new String[] {"--migration-key", option}, new String[] {"--migration-key", option}, true);
    }

    @Test
    void migrationKeyMissingOnTheDestinationIsKeyNotFound() throws Exception {
        Path keys = TestDirs.create();
        dirs.add(keys);
        Path pwd = Files.writeString(keys.resolve("migration.pwd"), "shared migration secret\n");
        migrate(new String[] {"--migration-key", "pwdfile=" + pwd}, new String[0], false);
    }

    @Test
    void blobsWithoutDecryptedFlagAreSealedWithTheStateKeyAndRoundTripWithTheSameKey() throws Exception {
        Path keys = TestDirs.create();
        dirs.add(keys);
        Path key = Files.writeString(keys.resolve("state.key"), "0123456789abcdef0123456789abcdef\n");
        Path src = daemon("--key", "file=" + key);
        Path dst = daemon("--key", "file=" + key);
        QemuLikeClient.Blob perm;
        QemuLikeClient.Blob vol;
        byte[] pcr;
        try (QemuLikeClient source = createBackend(src)) {
            source.machineReset(4096);
            guestCommand(source, 0, TpmCommands.startup(TpmCommands.SU_CLEAR));
            guestCommand(source, 0, TpmCommands.pcrExtendSha256(16, new byte[32]));
            pcr = pcr16(source);
            perm = source.getStateBlob(0, 1);
            vol = source.getStateBlob(0, 2);
        }
        assertThat(perm.flags()).as("PTM_STATE_FLAG_ENCRYPTED").isEqualTo(2);
        assertThat(new String(perm.bytes(), 0, 8, StandardCharsets.US_ASCII)).isEqualTo("JVTPMENC");
        try (QemuLikeClient destination = createBackend(dst)) {
            assertThat(destination.ask("0000000e", 4)).isEqualTo("00000000");
            assertThat(destination.setStateBlob(perm.flags(), 1, perm.bytes())).isEqualTo("00000000");
            assertThat(destination.setStateBlob(vol.flags(), 2, vol.bytes())).isEqualTo("00000000");
            assertThat(destination.ask("00000002 00000001", 4)).isEqualTo("00000000");
            assertThat(pcr16(destination)).isEqualTo(pcr);
        }
    }

    @Test
    void damagedOrMisdeclaredBlobsAreRefusedAndTheTpmStaysUsable() throws Exception {
        Path dir = daemon();
        try (QemuLikeClient qemu = createBackend(dir)) {
            qemu.machineReset(4096);
            QemuLikeClient.Blob perm = qemu.getStateBlob(1, 1);
            QemuLikeClient.Blob sealed = qemu.getStateBlob(0, 1);
            assertThat(qemu.ask("0000000e", 4)).isEqualTo("00000000");
            byte[] corrupt = perm.bytes().clone();
            corrupt[corrupt.length / 2] ^= 1;
            assertThat(qemu.setStateBlob(0, 1, corrupt)).as("checksum mismatch").isEqualTo("00000003");
            byte[] tampered = sealed.bytes().clone();
            tampered[tampered.length - 3] ^= 1;
            assertThat(qemu.setStateBlob(2, 1, tampered)).as("authentication failure").isEqualTo("00000021");
            assertThat(qemu.setStateBlob(2, 1, perm.bytes())).as("flagged encrypted, but plaintext")
                    .isEqualTo("00000021");
            assertThat(qemu.setStateBlob(0, 2, perm.bytes())).as("a permanent blob set as volatile")
                    .isEqualTo("00000003");
            assertThat(qemu.setStateBlob(0, 3, perm.bytes())).as("savestate on a TPM 2").isEqualTo("00000003");
            assertThat(qemu.setStateBlob(0, 7, perm.bytes())).as("unknown type").isEqualTo("00000003");
            assertThat(qemu.setStateBlob(0, 3, new byte[0])).as("clearing savestate").isEqualTo("00000000");
            assertThat(qemu.ask("00000002 00000000", 4)).isEqualTo("00000000");
            assertThat(TpmCommands.rc(guestCommand(qemu, 0, TpmCommands.startup(TpmCommands.SU_CLEAR)))).isZero();
        }
    }
}
