package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static dev.jvtpm.engine.testing.NvTesting.define;
import static dev.jvtpm.engine.testing.NvTesting.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Part 3 §31.7 TPM2_NV_Write. */
class NvWriteTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int RW = OWNERREAD | OWNERWRITE;
    private static final int INDEX = 0x01000000;

    @Test
    void aPartialFirstWriteLeavesTheRestErased() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, INDEX, TpmAlgId.SHA256, RW, 8);
        define(h, OWNER, NONE, INDEX + 1, TpmAlgId.SHA256, RW | ORDERLY, 8);
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, new byte[] {1, 2}, 3)));
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX + 1, new byte[] {1, 2}, 3)));
        // Erased NV reads as 0xFF; the RAM of an orderly index as zeros (libtpms).
        assertThat(read(h, OWNER, NONE, INDEX, 8, 0)).containsExactly(-1, -1, -1, 1, 2, -1, -1, -1);
        assertThat(read(h, OWNER, NONE, INDEX + 1, 8, 0)).containsExactly(0, 0, 0, 1, 2, 0, 0, 0);
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, new byte[] {9}, 7)));
        assertThat(read(h, OWNER, NONE, INDEX, 8, 0)).containsExactly(-1, -1, -1, 1, 2, -1, -1, 9);
    }

    @Test
    void rangeChecks() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, INDEX, TpmAlgId.SHA256, RW, 10);
        define(h, OWNER, NONE, INDEX + 1, TpmAlgId.SHA256, RW | WRITEALL, 10);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX, new byte[1], 10))).isEqualTo(0x146);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX, new byte[0], 10))).isZero();
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX, new byte[0], 11))).isEqualTo(0x2C4);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX, new byte[11], 0))).isEqualTo(0x146);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX, new byte[1025], 0))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX + 1, new byte[9], 0))).isEqualTo(0x146);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX + 1, new byte[9], 1))).isEqualTo(0x146);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX + 1, new byte[10], 0))).isZero();
    }

    @Test
    void whoMayWrite() {
        TpmHarness h = TpmHarness.started();
        byte[] pw = {'p'};
        define(h, OWNER, pw, INDEX, TpmAlgId.SHA256, OWNERREAD | AUTHWRITE | NO_DA, 4);
        define(h, OWNER, pw, INDEX + 1, TpmAlgId.SHA256, OWNERWRITE | AUTHREAD | NO_DA, 4);
        define(h, TpmHandles.RH_PLATFORM, NONE, 0x01C00000, TpmAlgId.SHA256,
                PPWRITE | OWNERREAD | PLATFORMCREATE, 4);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX, new byte[4], 0))).as("no OWNERWRITE").isEqualTo(0x149);
        assertThat(h.rc(Commands.nvWrite(INDEX, pw, INDEX, new byte[4], 0))).isZero();
        assertThat(h.rc(Commands.nvWrite(INDEX + 1, pw, INDEX + 1, new byte[4], 0))).as("no AUTHWRITE")
                .isEqualTo(0x12F);
        assertThat(h.rc(Commands.nvWrite(INDEX, pw, INDEX + 1, new byte[4], 0))).as("another index")
                .isEqualTo(0x149);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX + 1, new byte[4], 0))).isZero();
        assertThat(h.rc(Commands.nvWrite(TpmHandles.RH_PLATFORM, NONE, 0x01C00000, new byte[4], 0))).isZero();
        assertThat(h.rc(Commands.nvWrite(TpmHandles.RH_PLATFORM, NONE, INDEX, new byte[4], 0))).as("no PPWRITE")
                .isEqualTo(0x149);
        assertThat(h.rc(Commands.nvWrite(INDEX, new byte[] {'q'}, INDEX, new byte[4], 0))).as("wrong password, NO_DA")
                .isEqualTo(0x9A2);
    }

    @Test
    void onlyOrdinaryAndPinIndexesAreWritten() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, INDEX, TpmAlgId.SHA256, RW | (NT_COUNTER << 4), 8);
        define(h, OWNER, NONE, INDEX + 1, TpmAlgId.SHA256, RW | (NT_BITS << 4), 8);
        define(h, OWNER, NONE, INDEX + 2, TpmAlgId.SHA256, RW | (NT_EXTEND << 4), 32);
        define(h, OWNER, NONE, INDEX + 3, TpmAlgId.SHA256, RW | (NT_PIN_PASS << 4), 8);
        for (int i = 0; i < 3; i++) {
            assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX + i, new byte[8], 0))).isEqualTo(0x082);
        }
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, INDEX + 3, new byte[8], 0))).isZero();
    }

    @Test
    void orderlyDataStaysInRamUntilShutdown() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, INDEX, TpmAlgId.SHA256, RW | ORDERLY | (NT_BITS << 4), 8);
        h.ok(h.call(Commands.nvSetBits(OWNER, NONE, INDEX, 1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(1 - 1)));
        assertThat(h.rc(Commands.nvRead(OWNER, NONE, INDEX, 8, 0))).as("lost with the crash").isEqualTo(0x14A);
        h.ok(h.call(Commands.nvSetBits(OWNER, NONE, INDEX, 2)));
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(1)));
        byte[] expected = new byte[8];
        expected[7] = 2;
        assertThat(read(h, OWNER, NONE, INDEX, 8, 0)).isEqualTo(expected);
        assertThat(Arrays.equals(expected, read(h, OWNER, NONE, INDEX, 8, 0))).isTrue();
    }
}
