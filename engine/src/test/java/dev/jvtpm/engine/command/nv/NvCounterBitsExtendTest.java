package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;
import static dev.jvtpm.engine.testing.NvTesting.NONE;
import static dev.jvtpm.engine.testing.NvTesting.define;
import static dev.jvtpm.engine.testing.NvTesting.read;
import static dev.jvtpm.engine.testing.NvTesting.readU64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Part 3 §31.8 TPM2_NV_Increment, §31.9 TPM2_NV_Extend, §31.10 TPM2_NV_SetBits. */
class NvCounterBitsExtendTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int RW = OWNERREAD | OWNERWRITE;
    private static final int COUNTER = RW | (NT_COUNTER << 4);

    private static void increment(TpmHarness h, int index, int times) {
        for (int i = 0; i < times; i++) {
            h.ok(h.call(Commands.nvIncrement(OWNER, NONE, index)));
        }
    }

    @Test
    void countersNeverRepeatAValue() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, COUNTER, 8);
        increment(h, 0x01000000, 3);
        assertThat(readU64(h, OWNER, NONE, 0x01000000)).isEqualTo(3);
        h.ok(h.call(Commands.nvUndefineSpace(OWNER, NONE, 0x01000000)));
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, COUNTER, 8);
        increment(h, 0x01000000, 1);
        assertThat(readU64(h, OWNER, NONE, 0x01000000)).as("above the deleted counter").isEqualTo(4);
        assertThat(h.rc(Commands.nvIncrement(OWNER, NONE, 0x01000001))).isEqualTo(0x28B);
        define(h, OWNER, NONE, 0x01000001, TpmAlgId.SHA256, RW, 8);
        assertThat(h.rc(Commands.nvIncrement(OWNER, NONE, 0x01000001))).isEqualTo(0x282);
    }

    @Test
    void orderlyCountersResumeAtTheTopOfTheirBlockAfterACrash() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, COUNTER | ORDERLY, 8);
        increment(h, 0x01000000, 300);
        assertThat(readU64(h, OWNER, NONE, 0x01000000)).isEqualTo(300);
        h.ok(h.call(Commands.shutdown(0)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(readU64(h, OWNER, NONE, 0x01000000)).as("orderly shutdown saved it").isEqualTo(300);
        increment(h, 0x01000000, 5);
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        // Saved at 300; after a crash it resumes at 300 | 0xFF, above anything handed out.
        assertThat(readU64(h, OWNER, NONE, 0x01000000)).isEqualTo(511);
        increment(h, 0x01000000, 1);
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        assertThat(readU64(h, OWNER, NONE, 0x01000000)).as("512 rolled over and was saved").isEqualTo(512 | 0xFF);
    }

    @Test
    void extendHashesTheOldValueWithTheData() throws Exception {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA384, RW | (NT_EXTEND << 4), 48);
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.call(Commands.nvExtend(OWNER, NONE, 0x01000000, abc)));
        MessageDigest sha384 = MessageDigest.getInstance("SHA-384");
        sha384.update(new byte[48]);
        byte[] first = sha384.digest(abc);
        assertThat(read(h, OWNER, NONE, 0x01000000, 48, 0)).isEqualTo(first);
        h.ok(h.call(Commands.nvExtend(OWNER, NONE, 0x01000000, new byte[0])));
        assertThat(read(h, OWNER, NONE, 0x01000000, 48, 0)).isEqualTo(sha384.digest(first));
        assertThat(h.rc(Commands.nvExtend(OWNER, NONE, 0x01000000, new byte[1025]))).isEqualTo(0x1D5);
    }

    @Test
    void setBitsOrsIntoZero() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, 0x01000000, TpmAlgId.SHA256, RW | (NT_BITS << 4), 8);
        h.ok(h.call(Commands.nvSetBits(OWNER, NONE, 0x01000000, 0x10)));
        h.ok(h.call(Commands.nvSetBits(OWNER, NONE, 0x01000000, 0x8000000000000000L)));
        h.ok(h.call(Commands.nvSetBits(OWNER, NONE, 0x01000000, 0)));
        assertThat(readU64(h, OWNER, NONE, 0x01000000)).isEqualTo(0x8000000000000010L);
        define(h, OWNER, NONE, 0x01000001, TpmAlgId.SHA256, COUNTER, 8);
        assertThat(h.rc(Commands.nvSetBits(OWNER, NONE, 0x01000001, 1))).isEqualTo(0x282);
        assertThat(h.rc(Commands.nvExtend(OWNER, NONE, 0x01000001, new byte[1]))).isEqualTo(0x282);
    }
}
