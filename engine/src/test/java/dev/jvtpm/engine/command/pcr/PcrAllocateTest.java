package dev.jvtpm.engine.command.pcr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Part 3 §22.5 TPM2_PCR_Allocate: persisted at once, effective at the next _TPM_Init. */
class PcrAllocateTest {
    private static final int ALL = 0xFFFFFF;
    private static final byte[] NONE = new byte[0];

    static Map<Integer, Integer> pcrs(TpmHarness h) throws Exception {
        TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.PCRS, 0, 1))).body();
        assertThat(r.u8()).isZero();
        r.u32();
        Map<Integer, Integer> banks = new LinkedHashMap<>();
        int n = r.u32();
        for (int i = 0; i < n; i++) {
            int alg = r.u16();
            int size = r.u8();
            byte[] sel = r.bytes(size);
            banks.put(alg, (sel[0] & 0xFF) | (sel[1] & 0xFF) << 8 | (sel[2] & 0xFF) << 16);
        }
        return banks;
    }

    @Test
    void reportsSizesAndTakesEffectAtTheNextInit() throws Exception {
        TpmHarness h = TpmHarness.started();
        TpmReader r = h.ok(h.call(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, 0},
                new int[] {TpmAlgId.SHA384, 0}, new int[] {TpmAlgId.SHA512, 0}))).parameters(0);
        assertThat(r.u8()).isEqualTo(1);
        assertThat(r.u32()).isEqualTo(24);
        assertThat(r.u32()).isEqualTo(24 * 32);
        assertThat(r.u32()).isEqualTo(24 * (20 + 32 + 48 + 64));
        // Still the allocation in force.
        assertThat(pcrs(h)).containsExactly(Map.entry(TpmAlgId.SHA1, ALL), Map.entry(TpmAlgId.SHA256, ALL),
                Map.entry(TpmAlgId.SHA384, ALL), Map.entry(TpmAlgId.SHA512, ALL));
        assertThat(h.pcr(TpmAlgId.SHA1, 0)).hasSize(20);
        // A reconfiguration must be followed by Shutdown(CLEAR).
        assertThat(h.rc(Commands.shutdown(1))).isEqualTo(0x1CA);
        h.ok(h.call(Commands.shutdown(0)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(pcrs(h)).containsExactly(Map.entry(TpmAlgId.SHA1, 0), Map.entry(TpmAlgId.SHA256, ALL),
                Map.entry(TpmAlgId.SHA384, 0), Map.entry(TpmAlgId.SHA512, 0));
        TpmReader read = h.ok(h.call(Commands.pcrRead(TpmAlgId.SHA1, 1))).body();
        read.skip(4 + 4 + 2 + 1 + 3);
        assertThat(read.u32()).as("values read from the unallocated SHA-1 bank").isZero();
        assertThat(h.rc(Commands.shutdown(1))).isZero();
    }

    @Test
    void eachAllocateStartsFromTheAllocationInForceAndTheLastEntryWins() throws Exception {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, 0})));
        h.ok(h.call(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA512, 0x020001},
                new int[] {TpmAlgId.SHA512, 0x030001})));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(pcrs(h)).containsEntry(TpmAlgId.SHA1, ALL).containsEntry(TpmAlgId.SHA512, 0x030001);
    }

    @Test
    void someBankMustKeepTheHcrtmAndDrtmPcrs() throws Exception {
        TpmHarness h = TpmHarness.started();
        int noPcr17 = ALL & ~(1 << 17);
        assertThat(h.rc(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, noPcr17},
                new int[] {TpmAlgId.SHA256, noPcr17}, new int[] {TpmAlgId.SHA384, noPcr17},
                new int[] {TpmAlgId.SHA512, noPcr17}))).isEqualTo(0x127);
        assertThat(h.rc(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, 0}, new int[] {TpmAlgId.SHA256, 1},
                new int[] {TpmAlgId.SHA384, 0}, new int[] {TpmAlgId.SHA512, 1 << 17}))).isZero();
        // A refused allocation does not block Shutdown(STATE); a successful one does.
        assertThat(h.rc(Commands.shutdown(1))).isEqualTo(0x1CA);
    }

    @Test
    void isPersistedImmediately() throws Exception {
        TpmConfig config = TpmConfig.builder().stateStore(new InMemoryStateStore()).build();
        TpmHarness h = TpmHarness.started(config);
        h.ok(h.call(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, 0})));
        // Another instance on the same state, as after a crash of the process.
        TpmHarness again = new TpmHarness(config);
        again.powerOn();
        again.ok(again.call(Commands.startup(0)));
        assertThat(pcrs(again)).containsEntry(TpmAlgId.SHA1, 0);
    }

    @Test
    void needsPlatformAuthorization() throws Exception {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.pcrAllocate(new byte[] {1}, new int[] {TpmAlgId.SHA1, 0}))).isEqualTo(0x9A2);
        h.ok(h.call(Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, TpmHandles.RH_PLATFORM, false)));
        assertThat(h.rc(Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, 0}))).isEqualTo(0x185);
    }

    @Test
    void malformedSelectionsAreParameterErrors() {
        TpmHarness h = TpmHarness.started();
        int[] sha1 = {TpmAlgId.SHA1, 0};
        assertThat(h.rc(Commands.pcrAllocate(NONE, sha1, sha1, sha1, sha1, sha1))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.pcrAllocate(NONE, new int[] {0x0012, 0}))).isEqualTo(0x1C3);
    }
}
