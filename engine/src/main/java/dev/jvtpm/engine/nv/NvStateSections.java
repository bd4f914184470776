package dev.jvtpm.engine.nv;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import dev.jvtpm.engine.types.TpmHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NV indexes in state blobs. The permanent section is the NV image: the NV list in order
 * (persistent objects by handle only: they are stored with the objects), each index's NV entry
 * (public area, authValue, data) and, for orderly indexes, the RAM copy last saved to NV, plus
 * the counter high-water mark. The volatile section is the live orderly RAM, which only a
 * resumed volatile state (STORE_VOLATILE, migration) brings back; otherwise _TPM_Init starts
 * from the saved copy, as libtpms does.
 */
final class NvStateSections {
    private NvStateSections() {}

    static final class Permanent implements StateSection {
        private final NvStore store;

        Permanent(NvStore store) {
            this.store = store;
        }

        @Override
        public int tag() {
            return 30;
        }

        @Override
        public String name() {
            return "nv-indexes";
        }

        @Override
        public void save(TpmWriter w) {
            List<Integer> order = store.listOrder();
            w.u16(1).u64(store.maxCounter()).u32(order.size());
            for (int handle : order) {
                NvIndex idx = store.get(handle);
                w.u32(handle);
                if (idx == null) {
                    continue; // a persistent object: its place in the list only
                }
                idx.defined().withAttributes(idx.nvAttributes()).write(w);
                w.tpm2b(idx.authValue());
                if (idx.isOrderly()) {
                    w.u32(idx.savedAttributes()).bytes(idx.savedData());
                } else {
                    w.bytes(idx.nvData());
                }
            }
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            int version = r.u16();
            if (version != 1) {
                throw new TpmException(TpmRc.VALUE, "nv-indexes section version " + version);
            }
            long maxCounter = r.u64();
            int n = r.u32();
            if (n < 0 || n > r.remaining()) {
                throw new TpmException(TpmRc.SIZE, n + " NV list entries");
            }
            List<Integer> order = new ArrayList<>(n);
            Map<Integer, NvIndex> indexes = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int handle = r.u32();
                if (order.contains(handle)) {
                    throw new TpmException(TpmRc.VALUE, "NV list entry " + Integer.toHexString(handle) + " twice");
                }
                order.add(handle);
                if (TpmHandles.type(handle) == TpmHandles.HT_PERSISTENT) {
                    continue;
                }
                NvPublic entry = NvPublic.read(r);
                if (entry.nvIndex() != handle) {
                    throw new TpmException(TpmRc.VALUE, "NV index " + Integer.toHexString(entry.nvIndex())
                            + " filed under " + Integer.toHexString(handle));
                }
                byte[] auth = r.tpm2b(64);
                boolean orderly = NvAttributes.has(entry.attributes(), NvAttributes.ORDERLY);
                int saved = orderly ? r.u32() : 0;
                byte[] data = r.bytes(entry.dataSize());
                indexes.put(handle, NvIndex.restore(entry, auth, saved, data));
            }
            store.restore(maxCounter, order, indexes);
        }

        @Override
        public void reset() {
            store.manufacture();
        }
    }

    static final class OrderlyRam implements StateSection {
        private final NvStore store;

        OrderlyRam(NvStore store) {
            this.store = store;
        }

        @Override
        public int tag() {
            return 130;
        }

        @Override
        public String name() {
            return "nv-orderly-ram";
        }

        @Override
        public void save(TpmWriter w) {
            List<NvIndex> orderly = store.all().stream().filter(NvIndex::isOrderly).toList();
            w.u16(1).u32(orderly.size());
            for (NvIndex idx : orderly) {
                w.u32(idx.handle()).u32(idx.attributes()).bytes(idx.ramData());
            }
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            int version = r.u16();
            if (version != 1) {
                throw new TpmException(TpmRc.VALUE, "nv-orderly-ram section version " + version);
            }
            store.powerOn();
            int n = r.u32();
            for (int i = 0; i < n; i++) {
                int handle = r.u32();
                NvIndex idx = store.get(handle);
                if (idx == null || !idx.isOrderly()) {
                    throw new TpmException(TpmRc.HANDLE, "volatile state has RAM data for "
                            + Integer.toHexString(handle) + ", which is no orderly index of the permanent state");
                }
                idx.setRamAttributes(r.u32());
                byte[] data = r.bytes(idx.dataSize());
                System.arraycopy(data, 0, idx.ramData(), 0, data.length);
            }
        }

        @Override
        public void reset() {
            store.powerOn();
        }
    }
}
