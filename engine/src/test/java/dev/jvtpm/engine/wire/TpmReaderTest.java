package dev.jvtpm.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Design "wire/": big-endian, bounds-checked reads; every read past the end is TPM_RC_INSUFFICIENT
 * and an oversized TPM2B is TPM_RC_SIZE, at the declared parameter's position as the reference
 * TPM's unmarshalling reports them; nothing else ever escapes.
 */
class TpmReaderTest {
    /** One primitive of the wire format, written then read back. */
    private enum Op { U8, U16, U32, U64, BYTES, TPM2B }

    private record Item(Op op, long value, byte[] bytes) {}

    @Test
    void writtenValuesReadBackInOrder() throws TpmException {
        Random rnd = new Random(17);
        for (int trial = 0; trial < 300; trial++) {
            List<Item> items = randomItems(rnd);
            TpmWriter w = new TpmWriter(1);
            items.forEach(i -> write(w, i));
            TpmReader r = new TpmReader(w.toByteArray());
            for (Item i : items) {
                assertThat(read(r, i)).usingRecursiveComparison().isEqualTo(i);
            }
            assertThat(r.hasRemaining()).isFalse();
        }
    }

    @Test
    void valuesAreBigEndian() throws TpmException {
        TpmReader r = new TpmReader(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) 0xFF});
        assertThat(r.u8()).isEqualTo(0x01);
        assertThat(r.u16()).isEqualTo(0x0203);
        assertThat(r.u32()).isEqualTo(0x04050607);
        assertThat(r.u64()).isEqualTo(0x08090A0B0C0D0E0FL);
        assertThat(r.u8()).isEqualTo(0xFF);
    }

    @Test
    void everyTruncationIsInsufficientAtTheDeclaredParameter() {
        Random rnd = new Random(18);
        for (int trial = 0; trial < 200; trial++) {
            List<Item> items = randomItems(rnd);
            TpmWriter w = new TpmWriter();
            items.forEach(i -> write(w, i));
            byte[] full = w.toByteArray();
            for (int cut = 0; cut < full.length; cut++) {
                TpmReader r = new TpmReader(full, 0, cut);
                TpmException e = catchThrowableOfType(TpmException.class, () -> {
                    for (int p = 0; p < items.size(); p++) {
                        read(r.param(p + 1), items.get(p));
                    }
                });
                assertThat(e).as("cut at %d of %d", cut, full.length).isNotNull();
                assertThat(TpmRc.base(e.rc())).isEqualTo(TpmRc.INSUFFICIENT);
                int param = (e.rc() >> 8) & 0xF;
                assertThat(e.rc()).isEqualTo(TpmRc.atParameter(TpmRc.INSUFFICIENT, param));
                assertThat(param).isBetween(1, items.size());
            }
        }
    }

    @Test
    void readPastTheEndWithoutParameterIsBareInsufficient() {
        TpmReader r = new TpmReader(new byte[3]);
        assertThat(rc(r::u32)).isEqualTo(0x09A);
        assertThat(rc(() -> r.bytes(4))).isEqualTo(0x09A);
        assertThat(rc(() -> r.bytes(-1))).isEqualTo(0x09A);
        assertThat(rc(() -> r.skip(4))).isEqualTo(0x09A);
        assertThat(rc(() -> r.slice(4))).isEqualTo(0x09A);
        assertThat(rc(() -> r.param(1).u32())).isEqualTo(0x1DA);
    }

    @Test
    void oversizedTpm2bIsSizeAtItsParameter() {
        byte[] tpm2b = new TpmWriter().tpm2b(new byte[33]).toByteArray();
        assertThat(rc(() -> new TpmReader(tpm2b).param(1).tpm2b(32))).isEqualTo(0x1D5);
        assertThat(rc(() -> new TpmReader(tpm2b).param(3).tpm2b(32))).isEqualTo(0x3D5);
        assertThat(rc(() -> new TpmReader(tpm2b).tpm2b(32))).isEqualTo(0x095);
        byte[] claimsMore = {0, 20, 1, 2, 3};
        assertThat(rc(() -> new TpmReader(claimsMore).param(2).tpm2b(64))).isEqualTo(0x2DA);
    }

    @Test
    void sliceIsBoundedAndKeepsTheParameter() throws TpmException {
        TpmReader r = new TpmReader(new byte[] {0, 0, 0, 7, 9, 9, 9}).param(4);
        TpmReader s = r.slice(2);
        assertThat(r.u8()).isEqualTo(0);
        assertThat(s.u16()).isEqualTo(0);
        assertThat(rc(s::u8)).isEqualTo(TpmRc.atParameter(TpmRc.INSUFFICIENT, 4));
        assertThat(r.rest()).containsExactly(7, 9, 9, 9);
        assertThat(r.remaining()).isZero();
        assertThat(new TpmReader(new byte[] {5, 6, 7, 8}, 1, 2).rest()).containsExactly(6, 7);
    }

    @Test
    void readerOverABadSliceOfTheArrayIsRefused() {
        assertThatThrownBy(() -> new TpmReader(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new TpmReader(new byte[4], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new TpmReader(new byte[4], 1, Integer.MAX_VALUE))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** Garbage input read by any sequence of operations ends in data or a TpmException, nothing else. */
    @Test
    void arbitraryBytesNeverThrowAnythingButTpmException() {
        Random rnd = new Random(19);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] junk = new byte[rnd.nextInt(40)];
            rnd.nextBytes(junk);
            TpmReader r = new TpmReader(junk).param(1 + rnd.nextInt(15));
            try {
                for (int step = 0; step < 12; step++) {
                    switch (rnd.nextInt(8)) {
                        case 0: r.u8(); break;
                        case 1: r.u16(); break;
                        case 2: r.u32(); break;
                        case 3: r.u64(); break;
                        case 4: r.bytes(rnd.nextInt(20) - 2); break;
                        case 5: r.tpm2b(rnd.nextInt(40)); break;
                        case 6: r = r.slice(rnd.nextInt(10)); break;
                        default: r.skip(rnd.nextInt(6)); break;
                    }
                }
            } catch (TpmException e) {
                assertThat(TpmRc.base(e.rc())).isIn(TpmRc.INSUFFICIENT, TpmRc.SIZE);
            }
        }
    }

    private static List<Item> randomItems(Random rnd) {
        List<Item> items = new ArrayList<>();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            Op op = Op.values()[rnd.nextInt(Op.values().length)];
            switch (op) {
                case U8: items.add(new Item(op, rnd.nextInt(256), null)); break;
                case U16: items.add(new Item(op, rnd.nextInt(65536), null)); break;
                case U32: items.add(new Item(op, rnd.nextInt() & 0xFFFFFFFFL, null)); break;
                case U64: items.add(new Item(op, rnd.nextLong(), null)); break;
                default:
                    byte[] b = new byte[1 + rnd.nextInt(40)];
                    rnd.nextBytes(b);
                    items.add(new Item(op, b.length, b));
                    break;
            }
        }
        return items;
    }

    private static void write(TpmWriter w, Item i) {
        switch (i.op()) {
            case U8: w.u8((int) i.value()); break;
            case U16: w.u16((int) i.value()); break;
            case U32: w.u32((int) i.value()); break;
            case U64: w.u64(i.value()); break;
            case BYTES: w.bytes(i.bytes()); break;
            default: w.tpm2b(i.bytes()); break;
        }
    }

    private static Item read(TpmReader r, Item like) throws TpmException {
        switch (like.op()) {
            case U8: return new Item(like.op(), r.u8(), null);
            case U16: return new Item(like.op(), r.u16(), null);
            case U32: return new Item(like.op(), r.u32() & 0xFFFFFFFFL, null);
            case U64: return new Item(like.op(), r.u64(), null);
            case BYTES: return new Item(like.op(), like.value(), r.bytes((int) like.value()));
            default:
                byte[] b = r.tpm2b(like.bytes().length);
                return new Item(like.op(), b.length, b);
        }
    }

    private interface Read {
        void run() throws TpmException;
    }

    private static int rc(Read read) {
        TpmException e = catchThrowableOfType(TpmException.class, read::run);
        assertThat(e).as("expected a TpmException").isNotNull();
        return e.rc();
    }
}
