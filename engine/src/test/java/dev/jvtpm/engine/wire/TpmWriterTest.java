package dev.jvtpm.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Design "wire/": the growable big-endian writer and its back-patched size fields. */
class TpmWriterTest {
    @Test
    void writesBigEndianAndGrowsFromAnyCapacity() {
        TpmWriter w = new TpmWriter(0);
        w.u8(0x1FF).u16(0x12345).u32(0xCAFEBABE).u64(0x0102030405060708L);
        for (int i = 0; i < 100; i++) {
            w.u8(i);
        }
        byte[] b = w.toByteArray();
        assertThat(b).hasSize(115).startsWith(0xFF, 0x23, 0x45, 0xCA, 0xFE, 0xBA, 0xBE, 1, 2, 3, 4, 5, 6, 7, 8, 0, 1);
        assertThat(w.size()).isEqualTo(115);
    }

    @Test
    void sizedRegionsAreBackPatchedAndNest() throws TpmException {
        TpmWriter w = new TpmWriter(4);
        int outer = w.beginSized32();
        w.u8(7);
        int inner = w.beginSized();
        w.bytes(new byte[300]);
        w.endSized(inner);
        int empty = w.beginSized();
        w.endSized(empty);
        w.endSized32(outer);
        TpmReader r = new TpmReader(w.toByteArray());
        assertThat(r.u32()).isEqualTo(1 + 2 + 300 + 2);
        assertThat(r.u8()).isEqualTo(7);
        assertThat(r.tpm2b(300)).hasSize(300);
        assertThat(r.tpm2b(0)).isEmpty();
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void patchCopyAndReset() {
        TpmWriter w = new TpmWriter();
        w.u32(0).u16(0xABCD);
        w.patchU32(0, 0x80010000);
        assertThat(w.toByteArray()).containsExactly(0x80, 0x01, 0, 0, 0xAB, 0xCD);
        assertThat(w.copyFrom(4)).containsExactly(0xAB, 0xCD);
        assertThat(w.array()).startsWith(0x80, 0x01);
        w.reset();
        assertThat(w.size()).isZero();
        assertThat(w.tpm2b(new byte[] {9}).toByteArray()).containsExactly(0, 1, 9);
    }
}
