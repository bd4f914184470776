package dev.jvtpm.daemon.state;

import static dev.jvtpm.daemon.state.GoldenV1.COUNTER_ATTRS;
import static dev.jvtpm.daemon.state.GoldenV1.COUNTER_INDEX;
import static dev.jvtpm.daemon.state.GoldenV1.DATA;
import static dev.jvtpm.daemon.state.GoldenV1.DATA_INDEX;
import static dev.jvtpm.daemon.state.GoldenV1.INDEX_AUTH;
import static dev.jvtpm.daemon.state.GoldenV1.NV_ATTRS;
import static dev.jvtpm.daemon.state.GoldenV1.OWNER_AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden state of format v1 (design "State": golden blobs of each released format stay in test
 * resources and must keep loading). The blobs were written once by {@link GoldenStateV1Generator}
 * through a real daemon; here a daemon of today starts on a temporary copy of them (the daemon
 * writes its state back, which must never reach the resources) with their key file, and reads
 * back everything the generator put in: the PCRs saved by Shutdown(STATE), the NV data and
 * counter, the persistent SRK with its exact public area and Name, the owner authValue. The
 * volatile-state variant resumes on CMD_INIT without TPM2_Startup, with every PCR and the SRK's
 * transient copy.
 */
class GoldenStateV1Test {
    /** The SRK in the golden state: its TPM2B_PUBLIC and Name, as the generator printed them. */
    private static final String SRK_PUBLIC = "005a0023000b0003007200000006008000430010000300100020c6318d5909f16740"
            + "df166831955e727f1822e6d7227084c794f57d03c729959f0020e7795223cf99a5aa8e626defb68c1e28c71fa4869ba0b04dd"
            + "5605b311e3f6bd9";
    private static final String SRK_NAME = "000bb1cbc52ccce3586872f30862e0e308eb2dc6417e6f580b7f0e6f89c51de06959";
    private static final long COUNTER_VALUE = GoldenV1.INCREMENTS;
    private static final int RC_INITIALIZE = 0x100;
    private static final int RC_BAD_AUTH_SESSION_1 = 0x9A2;

    private Path golden;
    private Map<String, String> goldenDigests;
    private Path work;
    private StateDirTpm tpm;

    @BeforeEach
    void locate() throws Exception {
        golden = Path.of(getClass().getResource(GoldenV1.RESOURCE + GoldenV1.KEY_FILE).toURI()).getParent();
        goldenDigests = digests(golden);
        work = TestDirs.create();
    }

    @AfterEach
    void clean() throws Exception {
        try {
            if (tpm != null) {
                tpm.close();
            }
        } finally {
            TestDirs.delete(work);
        }
        assertThat(digests(golden)).as("the golden files are never written").isEqualTo(goldenDigests);
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(TpmCommands.sha256(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    /** A daemon on a temporary copy of one golden variant, powered on with CMD_INIT. */
    private void startOn(String variant) throws Exception {
        Path state = Files.createDirectory(work.resolve("state"));
        try (Stream<Path> s = Files.list(golden.resolve(variant))) {
            for (Path f : s.toList()) {
                Files.copy(f, state.resolve(f.getFileName()));
            }
        }
        Path key = Files.copy(golden.resolve(GoldenV1.KEY_FILE), work.resolve(GoldenV1.KEY_FILE));
        tpm = StateDirTpm.on(work, state, key).start();
        assertThat(tpm.init()).as("CMD_INIT on the golden " + variant + " state\n" + tpm.log()).isZero();
    }

    private byte[] call(String what, byte[] command) throws Exception {
        return Answers.ok(what, tpm.send(command));
    }

    private byte[] pcr(int index) throws Exception {
        return Answers.pcr(call("PCR_Read(" + index + ")", Answers.pcrReadCommand(index)));
    }

    private void nvAndKeysAreThere() throws Exception {
        assertThat(Answers.nvData(call("NV_Read", Commands.nvRead(DATA_INDEX, INDEX_AUTH, DATA_INDEX, DATA.length, 0))))
                .isEqualTo(DATA);
        assertThat(Answers.counter(call("NV_Read counter", Commands.nvRead(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX,
                8, 0)))).isEqualTo(COUNTER_VALUE);
        assertThat(nvPublic(DATA_INDEX)).isEqualTo(Commands.nvPublic(DATA_INDEX, TpmAlgId.SHA256,
                NV_ATTRS | NvAttributes.WRITTEN, new byte[0], DATA.length));
        assertThat(nvPublic(COUNTER_INDEX)).isEqualTo(Commands.nvPublic(COUNTER_INDEX, TpmAlgId.SHA256,
                COUNTER_ATTRS | NvAttributes.WRITTEN, new byte[0], 8));

        Answers.Public srk = Answers.readPublic(call("ReadPublic(SRK)", ObjectCommands.readPublic(GoldenV1.SRK)));
        assertThat(Answers.hex(srk.publicArea())).as("the persistent SRK's public area").isEqualTo(SRK_PUBLIC);
        assertThat(Answers.hex(srk.name())).as("the persistent SRK's Name").isEqualTo(SRK_NAME);

        assertThat(tpm.rc(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0], OWNER_AUTH)))
                .as("owner authorization with the empty authValue").isEqualTo(RC_BAD_AUTH_SESSION_1);
        assertThat(tpm.rc(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, OWNER_AUTH, OWNER_AUTH)))
                .as("owner authorization with the golden owner authValue").isZero();
    }

    /** NV_ReadPublic's TPMS_NV_PUBLIC (without its size). */
    private byte[] nvPublic(int index) throws Exception {
        byte[] rsp = call("NV_ReadPublic", Commands.nvReadPublic(index));
        int size = ((rsp[10] & 0xFF) << 8) | (rsp[11] & 0xFF);
        return java.util.Arrays.copyOfRange(rsp, 12, 12 + size);
    }

    @Test
    void shutdownStateResumesWithItsPcrsNvAndPersistentSrk() throws Exception {
        startOn(GoldenV1.SHUTDOWN_STATE);
        assertThat(tpm.rc(Commands.startup(TpmSu.STATE))).as("Startup(STATE) resumes the golden state").isZero();
        for (int i = 0; i < GoldenV1.PCRS.length; i++) {
            int index = GoldenV1.PCRS[i];
            byte[] want = index == 16 ? Answers.zeros() : GoldenV1.pcrValue(i); // PCR 16 is not state-saved
            assertThat(pcr(index)).as("PCR " + index + " after the resume").isEqualTo(want);
        }
        nvAndKeysAreThere();
    }

    @Test
    void shutdownStateAlsoStartsClear() throws Exception {
        startOn(GoldenV1.SHUTDOWN_STATE);
        assertThat(tpm.rc(Commands.startup(TpmSu.CLEAR))).isZero();
        assertThat(pcr(10)).isEqualTo(Answers.zeros());
        nvAndKeysAreThere();
    }

    @Test
    void volatileStateResumesOnInitWithoutStartup() throws Exception {
        startOn(GoldenV1.STORE_VOLATILE);
        assertThat(tpm.rc(Commands.startup(TpmSu.CLEAR))).as("already started: TPM_RC_INITIALIZE")
                .isEqualTo(RC_INITIALIZE);
        for (int i = 0; i < GoldenV1.PCRS.length; i++) {
            assertThat(pcr(GoldenV1.PCRS[i])).as("PCR " + GoldenV1.PCRS[i]).isEqualTo(GoldenV1.pcrValue(i));
        }
        Answers.Public transientSrk = Answers.readPublic(call("ReadPublic(transient SRK)",
                ObjectCommands.readPublic(GoldenV1.SRK_TRANSIENT)));
        assertThat(Answers.hex(transientSrk.publicArea())).isEqualTo(SRK_PUBLIC);
        assertThat(Answers.hex(transientSrk.name())).isEqualTo(SRK_NAME);
        nvAndKeysAreThere();
    }
}
