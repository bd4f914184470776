package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static dev.jvtpm.engine.testing.NvTesting.define;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.NvTesting;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import org.junit.jupiter.api.Test;

/** Part 3 §31.11 NV_WriteLock, §31.12 NV_GlobalWriteLock, §31.14 NV_ReadLock. */
class NvLocksTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int RW = OWNERREAD | OWNERWRITE;

    private static int attributes(TpmHarness h, int index) {
        return NvTesting.readPublic(h, index).attributes();
    }

    private static void restart(TpmHarness h, int shutdown, int startup) {
        if (shutdown >= 0) {
            h.ok(h.call(Commands.shutdown(shutdown)));
        }
        h.powerCycle();
        h.ok(h.call(Commands.startup(startup)));
    }

    @Test
    void writeStclearLocksUntilTheNextResetOrRestart() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, RW | WRITE_STCLEAR, 4);
        h.ok(h.call(Commands.nvWriteLock(OWNER, NONE, 0x01000000)));
        h.ok(h.call(Commands.nvWriteLock(OWNER, NONE, 0x01000000)));
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[4], 0))).isEqualTo(0x148);
        restart(h, 1, 1);
        assertThat(attributes(h, 0x01000000) & WRITELOCKED).as("kept by a Resume").isNotZero();
        restart(h, 1, 0);
        assertThat(attributes(h, 0x01000000) & WRITELOCKED).as("cleared by a Restart").isZero();
        h.ok(h.call(Commands.nvWriteLock(OWNER, NONE, 0x01000000)));
        restart(h, -1, 0);
        assertThat(attributes(h, 0x01000000) & WRITELOCKED).as("cleared by a Reset").isZero();
    }

    @Test
    void writeDefineLocksForGoodOnceWritten() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, RW | WRITEDEFINE, 4);
        define(h, OWNER, NONE, 0x01000001, TpmAlgId.SHA256, RW, 4);
        assertThat(h.rc(Commands.nvWriteLock(OWNER, NONE, 0x01000001))).isEqualTo(0x282);
        h.ok(h.call(Commands.nvWriteLock(OWNER, NONE, 0x01000000)));
        restart(h, -1, 0);
        assertThat(attributes(h, 0x01000000) & WRITELOCKED).as("an unwritten index unlocks").isZero();
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[4], 0)));
        h.ok(h.call(Commands.nvWriteLock(OWNER, NONE, 0x01000000)));
        restart(h, 0, 0);
        assertThat(attributes(h, 0x01000000) & WRITELOCKED).isNotZero();
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[4], 0))).isEqualTo(0x148);
        // NvWriteAccessChecks sees the lock before the authority, so even the platform, which may
        // not write this index, is told it is locked: success.
        assertThat(h.rc(Commands.nvWriteLock(TpmHandles.RH_PLATFORM, NONE, 0x01000000))).isZero();
    }

    @Test
    void globalWriteLockLocksGloballockIndexes() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, RW | GLOBALLOCK, 4);
        define(h, OWNER, NONE, 0x01000001, TpmAlgId.SHA256, RW | GLOBALLOCK | ORDERLY, 4);
        define(h, OWNER, NONE, 0x01000002, TpmAlgId.SHA256, RW, 4);
        h.ok(h.call(Commands.nvGlobalWriteLock(OWNER, NONE)));
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[4], 0))).isEqualTo(0x148);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, 0x01000001, new byte[4], 0))).isEqualTo(0x148);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, 0x01000002, new byte[4], 0))).isZero();
        restart(h, -1, 0);
        assertThat(h.rc(Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[4], 0))).isZero();
    }

    @Test
    void readStclearLocksReadsUntilTheNextResetOrRestart() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, RW | READ_STCLEAR, 4);
        define(h, OWNER, NONE, 0x01000001, TpmAlgId.SHA256, RW, 4);
        assertThat(h.rc(Commands.nvReadLock(OWNER, NONE, 0x01000001))).isEqualTo(0x282);
        h.ok(h.call(Commands.nvReadLock(OWNER, NONE, 0x01000000)));
        h.ok(h.call(Commands.nvReadLock(OWNER, NONE, 0x01000000)));
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, 0x01000000, new byte[4], 0)));
        assertThat(h.rc(Commands.nvRead(OWNER, NONE, 0x01000000, 4, 0))).isEqualTo(0x148);
        restart(h, 1, 0);
        assertThat(h.rc(Commands.nvRead(OWNER, NONE, 0x01000000, 4, 0))).isZero();
    }
}
