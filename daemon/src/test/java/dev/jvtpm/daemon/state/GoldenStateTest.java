package dev.jvtpm.daemon.state;

import static dev.jvtpm.daemon.state.GoldenState.COUNTER_ATTRS;
import static dev.jvtpm.daemon.state.GoldenState.COUNTER_INDEX;
import static dev.jvtpm.daemon.state.GoldenState.DATA_INDEX;
import static dev.jvtpm.daemon.state.GoldenState.INDEX_AUTH;
import static dev.jvtpm.daemon.state.GoldenState.NV_ATTRS;
import static dev.jvtpm.daemon.state.GoldenState.OWNER_AUTH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.TpmSu;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Golden state of every released format, v1 and v2 (design "State": golden blobs of each released
 * format stay in test resources and must keep loading). The blobs were written once per version by
 * {@link GoldenStateGenerator} through a real daemon; here a daemon of today starts on a temporary
 * copy of them (the daemon writes its state back, which must never reach the resources) with their
 * key file, and reads back everything the generator put in: the PCRs saved by Shutdown(STATE), the
 * NV data and counter, the persistent SRK with its exact public area and Name, the owner authValue.
 * The volatile-state variant resumes on CMD_INIT without TPM2_Startup, with every PCR and the SRK's
 * transient copy. From v2 on the state also holds TPM2_SetAlgorithmSet's value and PCR 20's
 * authValue (kept by a resume, emptied by Startup(CLEAR)); v1 loads with their defaults.
 */
class GoldenStateTest {
    /** The versions, as the parameter of every test. */
    static final List<String> VERSIONS = GoldenState.VERSIONS;
    private static final long COUNTER_VALUE = GoldenState.INCREMENTS;
    private static final int RC_INITIALIZE = 0x100;
    private static final int RC_BAD_AUTH_SESSION_1 = 0x9A2;

    private GoldenState state;
    private Path golden;
    private Map<String, String> goldenDigests;
    private Path work;
    private StateDirTpm tpm;

    @AfterEach
    void clean() throws Exception {
        try {
            if (tpm != null) {
                tpm.close();
            }
        } finally {
            if (work != null) {
                TestDirs.delete(work);
            }
        }
        if (golden != null) {
            assertThat(digests(golden)).as("the golden files are never written").isEqualTo(goldenDigests);
        }
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(),
                        HexFormat.of().formatHex(TpmCommands.sha256(Files.readAllBytes(p))));
            }
        }
        return m;
    }

    /** A daemon on a temporary copy of one golden variant of {@code version}, powered on with CMD_INIT. */
    private void startOn(String version, String variant) throws Exception {
        state = GoldenState.of(version);
        golden = Path.of(getClass().getResource(state.resource + GoldenState.KEY_FILE).toURI()).getParent();
        goldenDigests = digests(golden);
        work = TestDirs.create();
        Path stateDir = Files.createDirectory(work.resolve("state"));
        try (Stream<Path> s = Files.list(golden.resolve(variant))) {
            for (Path f : s.toList()) {
                Files.copy(f, stateDir.resolve(f.getFileName()));
            }
        }
        Path key = Files.copy(golden.resolve(GoldenState.KEY_FILE), work.resolve(GoldenState.KEY_FILE));
        tpm = StateDirTpm.on(work, stateDir, key).start();
        assertThat(tpm.init()).as("CMD_INIT on the golden " + version + " " + variant + " state\n" + tpm.log())
                .isZero();
    }

    private byte[] call(String what, byte[] command) throws Exception {
        return Answers.ok(what, tpm.send(command));
    }

    private byte[] pcr(int index) throws Exception {
        return Answers.pcr(call("PCR_Read(" + index + ")", Answers.pcrReadCommand(index)));
    }

    private void nvAndKeysAreThere() throws Exception {
        assertThat(Answers.nvData(call("NV_Read", Commands.nvRead(DATA_INDEX, INDEX_AUTH, DATA_INDEX,
                state.data.length, 0)))).isEqualTo(state.data);
        assertThat(Answers.counter(call("NV_Read counter", Commands.nvRead(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX,
                8, 0)))).isEqualTo(COUNTER_VALUE);
        assertThat(nvPublic(DATA_INDEX)).isEqualTo(Commands.nvPublic(DATA_INDEX, TpmAlgId.SHA256,
                NV_ATTRS | NvAttributes.WRITTEN, new byte[0], state.data.length));
        assertThat(nvPublic(COUNTER_INDEX)).isEqualTo(Commands.nvPublic(COUNTER_INDEX, TpmAlgId.SHA256,
                COUNTER_ATTRS | NvAttributes.WRITTEN, new byte[0], 8));

        Answers.Public srk = Answers.readPublic(call("ReadPublic(SRK)", ObjectCommands.readPublic(GoldenState.SRK)));
        assertThat(Answers.hex(srk.publicArea())).as("the persistent SRK's public area").isEqualTo(state.srkPublic);
        assertThat(Answers.hex(srk.name())).as("the persistent SRK's Name").isEqualTo(state.srkName);

        assertThat(tpm.rc(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0], OWNER_AUTH)))
                .as("owner authorization with the empty authValue").isEqualTo(RC_BAD_AUTH_SESSION_1);
        assertThat(tpm.rc(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, OWNER_AUTH, OWNER_AUTH)))
                .as("owner authorization with the golden owner authValue").isZero();

        assertThat(algorithmSet()).as("TPM_PT_ALGORITHM_SET").isEqualTo(state.algorithmSet);
    }

    /** TPM_PT_ALGORITHM_SET by GetCapability(TPM_PROPERTIES): after header, moreData, capability, count, tag. */
    private int algorithmSet() throws Exception {
        byte[] rsp = call("GetCapability(TPM_PT_ALGORITHM_SET)",
                Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.ALGORITHM_SET, 1));
        assertThat(ByteBuffer.wrap(rsp, 19, 4).getInt()).isEqualTo(TpmPt.ALGORITHM_SET);
        return ByteBuffer.wrap(rsp, 23, 4).getInt();
    }

    /**
     * PCR 20 is authorized by exactly {@code authValue} (the golden one after a resume, the empty
     * one after Startup(CLEAR) or where the format predates PCR authValues). PCR_SetAuthValue to the
     * same value checks it: it needs PCR 20's authorization but, unlike PCR_Extend (localities 2-4
     * for PCR 20), no locality.
     */
    private void pcr20Authorizes(byte[] authValue) throws Exception {
        if (authValue.length > 0) {
            assertThat(tpm.rc(Commands.pcrSetAuthValue(GoldenState.AUTH_PCR, new byte[0], authValue)))
                    .as("PCR 20 authorization with the empty authValue").isEqualTo(RC_BAD_AUTH_SESSION_1);
        }
        assertThat(tpm.rc(Commands.pcrSetAuthValue(GoldenState.AUTH_PCR, authValue, authValue)))
                .as("PCR 20 authorization with its authValue").isZero();
    }

    /** NV_ReadPublic's TPMS_NV_PUBLIC (without its size). */
    private byte[] nvPublic(int index) throws Exception {
        byte[] rsp = call("NV_ReadPublic", Commands.nvReadPublic(index));
        int size = ((rsp[10] & 0xFF) << 8) | (rsp[11] & 0xFF);
        return java.util.Arrays.copyOfRange(rsp, 12, 12 + size);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void shutdownStateResumesWithItsPcrsNvAndPersistentSrk(String version) throws Exception {
        startOn(version, GoldenState.SHUTDOWN_STATE);
        assertThat(tpm.rc(Commands.startup(TpmSu.STATE))).as("Startup(STATE) resumes the golden state").isZero();
        for (int i = 0; i < GoldenState.PCRS.length; i++) {
            int index = GoldenState.PCRS[i];
            byte[] want = index == 16 ? Answers.zeros() : GoldenState.pcrValue(i); // PCR 16 is not state-saved
            assertThat(pcr(index)).as("PCR " + index + " after the resume").isEqualTo(want);
        }
        nvAndKeysAreThere();
        pcr20Authorizes(state.pcrAuth);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void shutdownStateAlsoStartsClear(String version) throws Exception {
        startOn(version, GoldenState.SHUTDOWN_STATE);
        assertThat(tpm.rc(Commands.startup(TpmSu.CLEAR))).isZero();
        assertThat(pcr(10)).isEqualTo(Answers.zeros());
        nvAndKeysAreThere();
        pcr20Authorizes(new byte[0]);
    }

    @ParameterizedTest
    @FieldSource("VERSIONS")
    void volatileStateResumesOnInitWithoutStartup(String version) throws Exception {
        startOn(version, GoldenState.STORE_VOLATILE);
        assertThat(tpm.rc(Commands.startup(TpmSu.CLEAR))).as("already started: TPM_RC_INITIALIZE")
                .isEqualTo(RC_INITIALIZE);
        for (int i = 0; i < GoldenState.PCRS.length; i++) {
            assertThat(pcr(GoldenState.PCRS[i])).as("PCR " + GoldenState.PCRS[i]).isEqualTo(GoldenState.pcrValue(i));
        }
        Answers.Public transientSrk = Answers.readPublic(call("ReadPublic(transient SRK)",
                ObjectCommands.readPublic(GoldenState.SRK_TRANSIENT)));
        assertThat(Answers.hex(transientSrk.publicArea())).isEqualTo(state.srkPublic);
        assertThat(Answers.hex(transientSrk.name())).isEqualTo(state.srkName);
        nvAndKeysAreThere();
        pcr20Authorizes(state.pcrAuth);
    }
}
