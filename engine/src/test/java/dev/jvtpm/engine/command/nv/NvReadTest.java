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
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Part 3 §31.13 TPM2_NV_Read. */
class NvReadTest {
    private static final int OWNER = TpmHandles.RH_OWNER;
    private static final int INDEX = 0x01000000;

    @Test
    void aLargeIndexIsReadInNvBufferMaxChunks() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, INDEX, TpmAlgId.SHA256, OWNERREAD | OWNERWRITE, 2048);
        byte[] data = new byte[2048];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, java.util.Arrays.copyOfRange(data, 0, 1024), 0)));
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, java.util.Arrays.copyOfRange(data, 1024, 2048), 1024)));
        assertThat(h.rc(Commands.nvRead(OWNER, NONE, INDEX, 1025, 0))).isEqualTo(0x1C4);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int off = 0; off < 2048; off += 1000) {
            all.writeBytes(read(h, OWNER, NONE, INDEX, Math.min(1000, 2048 - off), off));
        }
        assertThat(all.toByteArray()).isEqualTo(data);
    }

    @Test
    void errorsInTheReferenceOrder() {
        TpmHarness h = TpmHarness.started();
        define(h, OWNER, NONE, INDEX, TpmAlgId.SHA256, OWNERWRITE | PPREAD | READ_STCLEAR, 16);
        assertThat(h.rc(Commands.nvRead(OWNER, NONE, INDEX, 1, 0))).as("no OWNERREAD").isEqualTo(0x149);
        assertThat(h.rc(Commands.nvRead(TpmHandles.RH_PLATFORM, NONE, INDEX, 2000, 2000))).as("unwritten first")
                .isEqualTo(0x14A);
        h.ok(h.call(Commands.nvWrite(OWNER, NONE, INDEX, new byte[16], 0)));
        assertThat(h.rc(Commands.nvRead(TpmHandles.RH_PLATFORM, NONE, INDEX, 2000, 2000))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.nvRead(TpmHandles.RH_PLATFORM, NONE, INDEX, 1, 17))).isEqualTo(0x2C4);
        assertThat(h.rc(Commands.nvRead(TpmHandles.RH_PLATFORM, NONE, INDEX, 2, 15))).isEqualTo(0x146);
        assertThat(read(h, TpmHandles.RH_PLATFORM, NONE, INDEX, 0, 16)).isEmpty();
        h.ok(h.call(Commands.nvReadLock(TpmHandles.RH_PLATFORM, NONE, INDEX)));
        assertThat(h.rc(Commands.nvRead(OWNER, NONE, INDEX, 1, 0))).as("read lock comes first").isEqualTo(0x148);
    }
}
