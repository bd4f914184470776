package dev.jvtpm.daemon.state;

import static dev.jvtpm.daemon.state.Answers.RC_STARTUP_STATE_REFUSED;
import static dev.jvtpm.daemon.state.Answers.extended;
import static dev.jvtpm.daemon.state.Answers.hex;
import static dev.jvtpm.daemon.state.Answers.pcr;
import static dev.jvtpm.daemon.state.Answers.pcrReadCommand;
import static dev.jvtpm.daemon.state.Answers.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSu;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Orderly restarts of the process, jvtpm daemon and swtpm 0.7.1 side by side (design "State"):
 * PCRs, an NV index and an NV counter are changed, the TPM is shut down with TPM2_Shutdown(STATE),
 * the process is stopped (SIGTERM, or CMD_SHUTDOWN on the control channel) and a new process is
 * started on the same state directory. Startup(STATE) then resumes with the state-saved PCRs
 * intact (PCR 16, the debug PCR, is not state-saved and starts from zero), Startup(CLEAR) resets
 * them, and the NV data survives either way. After Shutdown(CLEAR) there is nothing to resume.
 * Every response code, PCR value and NV read is identical between the two implementations.
 */
class OrderlyRestartTest {
    private static final int DATA_INDEX = 0x01500011;
    private static final int COUNTER_INDEX = 0x01500012;
    private static final byte[] NONE = new byte[0];
    private static final byte[] INDEX_AUTH = "idx".getBytes(StandardCharsets.US_ASCII);
    private static final int NV_ATTRS = NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.NO_DA;
    private static final byte[] DATA = "orderly restart data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_1 = TpmCommands.sha256("event 1".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] EVENT_2 = TpmCommands.sha256("event 2".getBytes(StandardCharsets.US_ASCII));

    /** How the process is stopped between two power cycles. */
    enum Stop { SIGTERM, CMD_SHUTDOWN }

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

    private void restart(Stop how) throws Exception {
        for (StateDirTpm t : tpms.both()) {
            if (how == Stop.SIGTERM) {
                t.sigterm();
            } else {
                t.ctrlShutdown();
            }
            t.start();
        }
        tpms.init();
    }

    private byte[] pcrValue(String what, int index) throws Exception {
        return pcr(tpms.same(what + ": PCR_Read(" + index + ")", pcrReadCommand(index)));
    }

    private void nvSurvived(String when, long counter) throws Exception {
        assertThat(Answers.nvData(tpms.same(when + ": NV_Read data",
                Commands.nvRead(DATA_INDEX, INDEX_AUTH, DATA_INDEX, DATA.length, 0)))).isEqualTo(DATA);
        assertThat(Answers.counter(tpms.same(when + ": NV_Read counter",
                Commands.nvRead(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX, 8, 0)))).isEqualTo(counter);
    }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void stateResumesAfterShutdownStateAndClearResetsPcrsWhileNvSurvives(Stop how) throws Exception {
        assertThat(tpms.sameRc("Startup(CLEAR)", Commands.startup(TpmSu.CLEAR))).isZero();
        assertThat(tpms.sameRc("define the data index", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, INDEX_AUTH,
                DATA_INDEX, TpmAlgId.SHA256, NV_ATTRS, NONE, DATA.length))).isZero();
        assertThat(tpms.sameRc("define the counter", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, INDEX_AUTH,
                COUNTER_INDEX, TpmAlgId.SHA256, NV_ATTRS | (NvAttributes.NT_COUNTER << 4), NONE, 8))).isZero();
        assertThat(tpms.sameRc("NV_Write", Commands.nvWrite(DATA_INDEX, INDEX_AUTH, DATA_INDEX, DATA, 0))).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(tpms.sameRc("NV_Increment", Commands.nvIncrement(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX)))
                    .isZero();
        }
        long counter = Answers.counter(tpms.same("NV_Read counter",
                Commands.nvRead(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX, 8, 0)));
        assertThat(tpms.sameRc("PCR_Extend(10)", Commands.pcrExtend(10, TpmAlgId.SHA256, EVENT_1))).isZero();
        assertThat(tpms.sameRc("PCR_Extend(16)", Commands.pcrExtend(16, TpmAlgId.SHA256, EVENT_1))).isZero();
        byte[] pcr10 = extended(zeros(), EVENT_1);
        assertThat(pcrValue("before shutdown", 10)).isEqualTo(pcr10);
        assertThat(pcrValue("before shutdown", 16)).isEqualTo(pcr10);
        assertThat(tpms.sameRc("Shutdown(STATE)", Commands.shutdown(TpmSu.STATE))).isZero();

        restart(how);
        assertThat(tpms.sameRc("after " + how + ": Startup(STATE)", Commands.startup(TpmSu.STATE)))
                .as("resume").isZero();
        assertThat(pcrValue("resumed", 10)).as("state-saved PCR 10 resumes").isEqualTo(pcr10);
        assertThat(pcrValue("resumed", 16)).as("debug PCR 16 is not state-saved").isEqualTo(zeros());
        nvSurvived("resumed", counter);
        assertThat(tpms.sameRc("PCR_Extend(10)", Commands.pcrExtend(10, TpmAlgId.SHA256, EVENT_2))).isZero();
        assertThat(tpms.sameRc("NV_Increment", Commands.nvIncrement(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX)))
                .isZero();
        pcr10 = extended(pcr10, EVENT_2);
        assertThat(pcrValue("extended after the resume", 10)).isEqualTo(pcr10);
        assertThat(tpms.sameRc("Shutdown(STATE)", Commands.shutdown(TpmSu.STATE))).isZero();

        restart(how);
        assertThat(tpms.sameRc("after " + how + ": Startup(CLEAR)", Commands.startup(TpmSu.CLEAR)))
                .as("restart").isZero();
        assertThat(pcrValue("cleared", 10)).as("Startup(CLEAR) resets PCR 10 (" + hex(pcr10) + " before)")
                .isEqualTo(zeros());
        nvSurvived("cleared", counter + 1);
        assertThat(tpms.sameRc("Shutdown(CLEAR)", Commands.shutdown(TpmSu.CLEAR))).isZero();

        restart(how);
        assertThat(tpms.sameRc("after Shutdown(CLEAR): Startup(STATE)", Commands.startup(TpmSu.STATE)))
                .as("nothing to resume").isEqualTo(RC_STARTUP_STATE_REFUSED);
        assertThat(tpms.sameRc("Startup(CLEAR)", Commands.startup(TpmSu.CLEAR))).isZero();
        nvSurvived("after Shutdown(CLEAR)", counter + 1);
    }
}
