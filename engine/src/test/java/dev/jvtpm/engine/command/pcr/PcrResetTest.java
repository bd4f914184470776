package dev.jvtpm.engine.command.pcr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import org.junit.jupiter.api.Test;

/** Part 3 §22.8 TPM2_PCR_Reset with the PC Client PCR attributes. */
class PcrResetTest {
    @Test
    void debugPcrResetsToZeroFromLocalityZero() {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.pcrEvent(16, new byte[] {1})));
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).isNotEqualTo(new byte[32]);
        int counter = h.pcrUpdateCounter();
        h.ok(h.call(Commands.pcrReset(16)));
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).isEqualTo(new byte[32]);
        assertThat(h.pcr(TpmAlgId.SHA512, 16)).isEqualTo(new byte[64]);
        assertThat(h.pcrUpdateCounter()).isEqualTo(counter);
    }

    @Test
    void staticPcrsAreNeverResettable() {
        TpmHarness h = TpmHarness.started();
        for (int loc = 0; loc <= 4; loc++) {
            assertThat(h.locality(loc).rc(Commands.pcrReset(0))).isEqualTo(0x907);
            assertThat(h.locality(loc).rc(Commands.pcrReset(15))).isEqualTo(0x907);
        }
    }

    @Test
    void drtmPcrsResetOnlyFromTheirLocalitiesAndNeverByCommandAtLocality4() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.locality(0).rc(Commands.pcrReset(20))).isEqualTo(0x907);
        int counter = h.pcrUpdateCounter();
        assertThat(h.locality(2).rc(Commands.pcrReset(20))).isZero();
        // A command reset is to zero, not to the all-ones startup value.
        assertThat(h.pcr(TpmAlgId.SHA256, 20)).isEqualTo(new byte[32]);
        assertThat(h.pcrUpdateCounter()).isEqualTo(counter + 1);
        assertThat(h.locality(4).rc(Commands.pcrReset(17))).isEqualTo(0x907);
        assertThat(h.locality(4).rc(Commands.pcrReset(16))).isEqualTo(0x907);
    }

    @Test
    void nullIsNotAPcrHere() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.pcrReset(TpmHandles.RH_NULL))).isEqualTo(0x184);
        assertThat(h.rc(Commands.pcrReset(24))).isEqualTo(0x184);
    }
}
