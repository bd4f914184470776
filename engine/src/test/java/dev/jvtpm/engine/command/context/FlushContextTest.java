package dev.jvtpm.engine.command.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import org.junit.jupiter.api.Test;

/** Part 3 §28.4 TPM2_FlushContext for transient objects. */
class FlushContextTest {
    @Test
    void flushesALoadedSequence() throws Exception {
        TpmHarness h = TpmHarness.started();
        int seq = h.ok(h.call(Commands.hashSequenceStart(new byte[0], TpmAlgId.SHA256))).body().u32();
        h.ok(h.call(Commands.flushContext(seq)));
        assertThat(h.rc(Commands.flushContext(seq))).isEqualTo(0x1CB);
        assertThat(h.rc(Commands.sequenceUpdate(seq, new byte[0], new byte[0]))).isEqualTo(0x910);
    }

    @Test
    void handleMustBeAContextHandle() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.flushContext(0x80000003))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.flushContext(0x81000000))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.flushContext(TpmHandles.RH_OWNER))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.flushContext(0x02000040))).isEqualTo(0x1C4);
        // Session handles are context handles; none is loaded.
        assertThat(h.rc(Commands.flushContext(0x02000000))).isEqualTo(0x1CB);
        assertThat(h.rc(Commands.flushContext(0x0300003F))).isEqualTo(0x1CB);
    }

    @Test
    void takesNoSessions() {
        TpmHarness h = TpmHarness.started();
        byte[] withSession = Commands.withPasswords(TpmCc.FLUSH_CONTEXT, new int[0], new byte[][] {new byte[0]},
                w -> w.u32(0x80000000));
        assertThat(h.rc(withSession)).isEqualTo(0x145);
    }
}
