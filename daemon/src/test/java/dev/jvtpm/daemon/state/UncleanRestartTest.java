package dev.jvtpm.daemon.state;

import static dev.jvtpm.daemon.state.Answers.RC_STARTUP_STATE_REFUSED;
import static dev.jvtpm.daemon.state.Answers.pcr;
import static dev.jvtpm.daemon.state.Answers.pcrReadCommand;
import static dev.jvtpm.daemon.state.Answers.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.Scheme;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unclean end of the process, jvtpm daemon and swtpm 0.7.1 side by side: persistent changes
 * are made (NV writes, counter increments, a new owner authValue, a primary key made persistent
 * with EvictControl), then the process is killed with SIGKILL without TPM2_Shutdown. The new
 * process on the same state directory starts, Startup(STATE) has nothing to resume
 * (TPM_RC_VALUE), Startup(CLEAR) works, and every acknowledged persistent change is there.
 */
class UncleanRestartTest {
    private static final int DATA_INDEX = 0x01500021;
    private static final int COUNTER_INDEX = 0x01500022;
    private static final int SRK = 0x81000001;
    private static final byte[] NONE = new byte[0];
    private static final byte[] OWNER_PW = "owner secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INDEX_AUTH = "idx".getBytes(StandardCharsets.US_ASCII);
    private static final int NV_ATTRS = NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.NO_DA;
    private static final int COUNTER_ATTRS = NV_ATTRS | (NvAttributes.NT_COUNTER << 4);
    private static final byte[] DATA = "first write, then the tail is overwritten".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = "TAIL".getBytes(StandardCharsets.US_ASCII);

    private SideBySide tpms;

    @BeforeEach
    void start() throws Exception {
        tpms = SideBySide.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (tpms != null) {
            tpms.close();
        }
    }

    private long counter(String what) throws Exception {
        return Answers.counter(tpms.same(what, Commands.nvRead(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX, 8, 0)));
    }

    @Test
    void everyAcknowledgedChangeSurvivesSigkillWithoutShutdown() throws Exception {
        assertThat(tpms.sameRc("Startup(CLEAR)", Commands.startup(TpmSu.CLEAR))).isZero();
        assertThat(tpms.sameRc("define the data index", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, INDEX_AUTH,
                DATA_INDEX, TpmAlgId.SHA256, NV_ATTRS, NONE, DATA.length))).isZero();
        assertThat(tpms.sameRc("define the counter", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, INDEX_AUTH,
                COUNTER_INDEX, TpmAlgId.SHA256, COUNTER_ATTRS, NONE, 8))).isZero();
        assertThat(tpms.sameRc("NV_Write", Commands.nvWrite(DATA_INDEX, INDEX_AUTH, DATA_INDEX, DATA, 0))).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(tpms.sameRc("NV_Increment", Commands.nvIncrement(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX)))
                    .isZero();
        }
        long counter = counter("counter before the kill");
        assertThat(tpms.sameRc("HierarchyChangeAuth(owner)",
                Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, NONE, OWNER_PW))).isZero();

        // The SRK's key comes from each TPM's own storage seed: compare each TPM with itself.
        byte[] createSrk = ObjectCommands.createPrimary(TpmHandles.RH_OWNER, OWNER_PW,
                Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL),
                NONE, NONE, NONE, ObjectCommands.noPcrs());
        Map<StateDirTpm, Answers.Public> srkBefore = new HashMap<>();
        for (StateDirTpm t : tpms.both()) {
            int handle = Answers.objectHandle(t.send(createSrk));
            assertThat(t.rc(ObjectCommands.evictControl(TpmHandles.RH_OWNER, OWNER_PW, handle, SRK)))
                    .as(t + ": EvictControl").isZero();
            srkBefore.put(t, Answers.readPublic(t.send(ObjectCommands.readPublic(SRK))));
        }
        assertThat(tpms.sameRc("PCR_Extend(10)", Commands.pcrExtend(10, TpmAlgId.SHA256,
                TpmCommands.sha256(DATA)))).isZero();
        // The last change before the kill: acknowledged means durable.
        assertThat(tpms.sameRc("NV_Write of the tail", Commands.nvWrite(DATA_INDEX, INDEX_AUTH, DATA_INDEX, TAIL,
                DATA.length - TAIL.length))).isZero();

        for (StateDirTpm t : tpms.both()) {
            t.sigkill();
            t.start();
        }
        tpms.init();

        assertThat(tpms.sameRc("Startup(STATE) after SIGKILL", Commands.startup(TpmSu.STATE)))
                .as("no Shutdown(STATE): nothing to resume").isEqualTo(RC_STARTUP_STATE_REFUSED);
        assertThat(tpms.sameRc("Startup(CLEAR) after SIGKILL", Commands.startup(TpmSu.CLEAR))).isZero();
        assertThat(pcr(tpms.same("PCR_Read(10)", pcrReadCommand(10)))).isEqualTo(zeros());

        byte[] expected = DATA.clone();
        System.arraycopy(TAIL, 0, expected, DATA.length - TAIL.length, TAIL.length);
        assertThat(Answers.nvData(tpms.same("NV_Read data", Commands.nvRead(DATA_INDEX, INDEX_AUTH, DATA_INDEX,
                DATA.length, 0)))).asString(StandardCharsets.US_ASCII).isEqualTo(new String(expected,
                StandardCharsets.US_ASCII));
        assertThat(counter("counter after the kill")).isEqualTo(counter);
        assertThat(tpms.sameRc("NV_Increment after the kill",
                Commands.nvIncrement(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX))).isZero();
        assertThat(counter("incremented after the kill")).isEqualTo(counter + 1);

        assertThat(tpms.sameRc("owner authorization with the old (empty) authValue",
                Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, NONE, OWNER_PW))).as("TPM_RC_BAD_AUTH, session 1")
                .isEqualTo(0x9A2);
        assertThat(tpms.sameRc("owner authorization with the new authValue",
                Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, OWNER_PW, OWNER_PW))).isZero();

        tpms.same("persistent handles", Commands.getCapability(TpmCap.HANDLES, 0x81000000, 8));
        for (StateDirTpm t : tpms.both()) {
            assertThat(Answers.readPublic(t.send(ObjectCommands.readPublic(SRK)))).as(t + ": the persistent SRK")
                    .isEqualTo(srkBefore.get(t));
        }
    }

    /**
     * TPMA_NV_ORDERLY indexes keep their data in RAM and save it at Shutdown: after a crash an
     * ordinary orderly index is no longer written (its RAM data is lost, TPM_RC_NV_UNINITIALIZED),
     * but an orderly counter must never go backwards — after a non-orderly shutdown it resumes
     * above anything it could have shown (saved value | MAX_ORDERLY_COUNT, plus one). Both as
     * swtpm, byte for byte, over two unclean restarts.
     */
    @Test
    void orderlyCountersNeverGoBackwardsAcrossSigkill() throws Exception {
        int orderlyCounter = 0x01500023;
        int orderlyData = 0x01500024;
        int orderly = NvAttributes.ORDERLY;
        assertThat(tpms.sameRc("Startup(CLEAR)", Commands.startup(TpmSu.CLEAR))).isZero();
        assertThat(tpms.sameRc("define the orderly counter", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE,
                INDEX_AUTH, orderlyCounter, TpmAlgId.SHA256, COUNTER_ATTRS | orderly, NONE, 8))).isZero();
        assertThat(tpms.sameRc("define the orderly data index", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE,
                INDEX_AUTH, orderlyData, TpmAlgId.SHA256, NV_ATTRS | orderly, NONE, 8))).isZero();
        byte[] saved = "saved...".getBytes(StandardCharsets.US_ASCII);
        assertThat(tpms.sameRc("NV_Write", Commands.nvWrite(orderlyData, INDEX_AUTH, orderlyData, saved, 0))).isZero();
        assertThat(tpms.sameRc("Shutdown(STATE)", Commands.shutdown(TpmSu.STATE))).isZero();
        for (StateDirTpm t : tpms.both()) {
            t.sigterm();
            t.start();
        }
        tpms.init();
        assertThat(tpms.sameRc("Startup(STATE)", Commands.startup(TpmSu.STATE))).isZero();

        long shown = 0;
        for (int crash = 1; crash <= 2; crash++) {
            for (int i = 0; i < 3; i++) {
                assertThat(tpms.sameRc("NV_Increment (orderly)", Commands.nvIncrement(orderlyCounter, INDEX_AUTH,
                        orderlyCounter))).isZero();
            }
            shown = Answers.counter(tpms.same("orderly counter before crash " + crash,
                    Commands.nvRead(orderlyCounter, INDEX_AUTH, orderlyCounter, 8, 0)));
            assertThat(tpms.sameRc("NV_Write (orderly, RAM only)", Commands.nvWrite(orderlyData, INDEX_AUTH,
                    orderlyData, "lost....".getBytes(StandardCharsets.US_ASCII), 0))).isZero();
            for (StateDirTpm t : tpms.both()) {
                t.sigkill();
                t.start();
            }
            tpms.init();
            assertThat(tpms.sameRc("Startup(STATE) after crash " + crash, Commands.startup(TpmSu.STATE)))
                    .isEqualTo(RC_STARTUP_STATE_REFUSED);
            assertThat(tpms.sameRc("Startup(CLEAR)", Commands.startup(TpmSu.CLEAR))).isZero();
            long after = Answers.counter(tpms.same("orderly counter after crash " + crash,
                    Commands.nvRead(orderlyCounter, INDEX_AUTH, orderlyCounter, 8, 0)));
            assertThat(after).as("crash " + crash + ": the orderly counter moves past " + shown).isGreaterThan(shown);
            assertThat(tpms.sameRc("orderly data index after crash " + crash,
                    Commands.nvRead(orderlyData, INDEX_AUTH, orderlyData, 8, 0)))
                    .as("an orderly index is not trusted after a crash: TPM_RC_NV_UNINITIALIZED").isEqualTo(0x14A);
            assertThat(tpms.sameRc("rewrite it", Commands.nvWrite(orderlyData, INDEX_AUTH, orderlyData, saved, 0)))
                    .isZero();
        }
    }
}
