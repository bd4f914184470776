package dev.jvtpm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.testing.TpmHarness.Command;
import dev.jvtpm.engine.wire.TpmReader;
import org.junit.jupiter.api.Test;

/** Part 3 §5: the basic command path end to end in process. */
class TpmSmokeTest {
    @Test
    void commandsBeforeInitGetTheFatalResponseSwtpmSends() {
        Tpm tpm = Tpm.create(TpmConfig.builder().build());
        assertThat(tpm.execute(Command.getRandom(8)))
                .containsExactly(0x80, 0x01, 0, 0, 0, 0x0a, 0, 0, 0x01, 0x01);
    }

    @Test
    void commandsBeforeStartupAnswerInitialize() {
        TpmHarness h = new TpmHarness(TpmConfig.builder().build());
        h.powerOn();
        assertThat(h.call(Command.getRandom(8)).rc()).isEqualTo(0x100);
        h.ok(h.call(Command.startup(0)));
        assertThat(h.call(Command.startup(0)).rc()).isEqualTo(0x100);
    }

    @Test
    void getRandomReturnsRequestedBytesCappedAtLargestDigest() throws Exception {
        TpmHarness h = TpmHarness.started();
        TpmReader r = h.ok(h.call(Command.getRandom(32))).body();
        assertThat(r.tpm2b(64)).hasSize(32);
        r = h.ok(h.call(Command.getRandom(1000))).body();
        assertThat(r.tpm2b(1000)).hasSize(64);
    }

    /**
     * QEMU and Linux tell TPM 1.2 from 2.0 by the 0x8001 tag of the answer. The code is swtpm's:
     * 0x00C1 is not a TPM_ST at all, so libtpms fails it as TPM_RC_VALUE before it could be
     * TPM_RC_BAD_TAG (which a structure tag such as TPM_ST_RSP_COMMAND gets).
     */
    @Test
    void tpm12TaggedProbeGetsATpm2ErrorAsSwtpmAnswersIt() {
        TpmHarness h = TpmHarness.started();
        byte[] tpm12GetTicks = {0x00, (byte) 0xc1, 0, 0, 0, 0x0a, 0, 0, 0, (byte) 0xf1};
        TpmHarness.Response r = h.call(tpm12GetTicks);
        assertThat(r.tag()).isEqualTo(0x8001);
        assertThat(r.rc()).isEqualTo(0x084);
        assertThat(r.size()).isEqualTo(10);
        byte[] rspCommandTag = {0x00, (byte) 0xc4, 0, 0, 0, 0x0a, 0, 0, 0, (byte) 0xf1};
        assertThat(h.call(rspCommandTag).rc()).isEqualTo(0x01E);
    }
}
