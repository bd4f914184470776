package dev.jvtpm.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Part 3 §5 (ExecuteCommand): any input at all, including ones too short for a header that no
 * transport would deliver, gets a well-formed response with the TPM's own error code; no
 * exception escapes and nothing drives the TPM into failure mode.
 */
class DispatcherRobustnessTest {
    private static void assertWellFormed(byte[] rsp) {
        assertThat(rsp.length).isGreaterThanOrEqualTo(10);
        int tag = ((rsp[0] & 0xFF) << 8) | (rsp[1] & 0xFF);
        assertThat(tag).isIn(0x8001, 0x8002);
        int size = ((rsp[2] & 0xFF) << 24) | ((rsp[3] & 0xFF) << 16) | ((rsp[4] & 0xFF) << 8) | (rsp[5] & 0xFF);
        assertThat(size).isEqualTo(rsp.length);
    }

    @Test
    void shortInputsGetInsufficientOrSizeErrors() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.call(new byte[0]).rc()).isEqualTo(0x09A);
        assertThat(h.call(new byte[] {(byte) 0x80, 0x01}).rc()).isEqualTo(0x09A);
        assertThat(h.call(new byte[] {(byte) 0x80, 0x01, 0, 0, 0, 8, 0, 0}).rc()).isEqualTo(0x09A);
        assertThat(h.call(new byte[] {(byte) 0x80, 0x01, 0, 0, 0, 9, 0, 0, 1}).rc()).isEqualTo(0x09A);
        assertThat(h.call(new byte[] {(byte) 0x80, 0x01, 0, 0, 0, 10, 0, 0, 1}).rc()).isEqualTo(0x142);
    }

    @Test
    void randomBytesNeverBreakTheTpm() {
        TpmHarness h = TpmHarness.started();
        Random rnd = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] cmd = new byte[rnd.nextInt(80)];
            rnd.nextBytes(cmd);
            if (cmd.length >= 10 && rnd.nextBoolean()) {
                // Give it a plausible header so it reaches the handle, session and parameter code.
                cmd[0] = (byte) 0x80;
                cmd[1] = (byte) (rnd.nextBoolean() ? 1 : 2);
                cmd[2] = 0;
                cmd[3] = 0;
                cmd[4] = (byte) (cmd.length >>> 8);
                cmd[5] = (byte) cmd.length;
                int cc = rnd.nextBoolean() ? TpmCc.FIRST + rnd.nextInt(0x80) : 0x17A;
                cmd[6] = 0;
                cmd[7] = 0;
                cmd[8] = (byte) (cc >>> 8);
                cmd[9] = (byte) cc;
            }
            assertWellFormed(h.tpm().execute(cmd));
        }
        assertThat(TpmInternals.core(h.tpm()).failureMode).isFalse();
    }

    @Test
    void aPersistentHandleNeedsAFreeSlotBeforeItIsLookedUp() throws Exception {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.sequenceUpdate(0x81000001, new byte[0], new byte[0]))).isEqualTo(0x18B);
        for (int i = 0; i < 3; i++) {
            h.ok(h.call(Commands.hashSequenceStart(new byte[0], TpmAlgId.SHA256)));
        }
        assertThat(h.rc(Commands.sequenceUpdate(0x81000001, new byte[0], new byte[0]))).isEqualTo(0x902);
        h.ok(h.call(Commands.hierarchyControl(0x40000001, new byte[0], 0x40000001, false)));
        assertThat(h.rc(Commands.sequenceUpdate(0x81000001, new byte[0], new byte[0])))
                .as("owner hierarchy disabled: not even looked for").isEqualTo(0x18B);
        assertThat(h.rc(Commands.sequenceUpdate(0x81800001, new byte[0], new byte[0]))).isEqualTo(0x902);
    }
}
