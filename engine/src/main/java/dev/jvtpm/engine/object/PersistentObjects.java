package dev.jvtpm.engine.object;

import dev.jvtpm.engine.nv.NvSpace;
import dev.jvtpm.engine.nv.NvStore;
import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Persistent (evict) objects, TPM2_EvictControl's store (Part 1 §37.3 "Persistent Objects"):
 * owner handles 0x81000000-0x817FFFFF, platform handles 0x81800000-0x81FFFFFF. They are part of
 * the permanent state and survive every power cycle; TPM2_Clear / ChangeEPS / ChangePPS remove
 * those of the hierarchies they reset ({@link #flushHierarchy}).
 *
 * <p>The reference loads a persistent object into a transient slot for the duration of each
 * command that names it; this store keeps the objects (and their prepared provider keys) in
 * memory instead, so only the slot-availability rule of ObjectLoadEvict is reproduced by the
 * caller (TPM_RC_OBJECT_MEMORY when no slot is free).
 *
 * <p>Capacity: each object takes its place in the NV list it shares with the NV indexes
 * ({@link NvStore}), which answers TPM_RC_NV_SPACE exactly where libtpms runs out; TPM2_Clear,
 * ChangeEPS and ChangePPS remove objects in the list's order through
 * {@link NvStore#flushHierarchy} and then {@link #forget} them here.
 */
public final class PersistentObjects {
    /** The most persistent objects the NV list can hold (no indexes, nothing but objects). */
    private static final int MAX_OBJECTS = NvSpace.DYNAMIC_BYTES / NvSpace.EVICT_OBJECT_ENTRY;

    private final NvStore nv;
    private final TreeMap<Integer, KeyObject> objects = new TreeMap<>(Integer::compareUnsigned);

    public PersistentObjects(NvStore nv) {
        this.nv = nv;
    }

    /** Whether {@code handle} is in the owner range of persistent handles. */
    public static boolean isOwnerHandle(int handle) {
        return TpmHandles.type(handle) == TpmHandles.HT_PERSISTENT
                && Integer.compareUnsigned(handle, TpmHandles.PLATFORM_PERSISTENT) < 0;
    }

    /** Whether {@code handle} is in the platform range of persistent handles. */
    public static boolean isPlatformHandle(int handle) {
        return TpmHandles.type(handle) == TpmHandles.HT_PERSISTENT
                && Integer.compareUnsigned(handle, TpmHandles.PLATFORM_PERSISTENT) >= 0;
    }

    /** The object at {@code handle}, or null. */
    public KeyObject get(int handle) {
        return objects.get(handle);
    }

    public boolean contains(int handle) {
        return objects.containsKey(handle);
    }

    public int count() {
        return objects.size();
    }

    /** NvAddEvictObject: stores {@code object} made persistent at {@code handle}; TPM_RC_NV_SPACE when NV is full. */
    public KeyObject add(int handle, KeyObject object) throws TpmException {
        nv.addPersistentObject(handle);
        KeyObject persistent = object.asPersistent(handle);
        objects.put(handle, persistent);
        return persistent;
    }

    /** NvDeleteEvict: removes the object at {@code handle} and its NV place (no-op when none). */
    public void remove(int handle) {
        if (objects.containsKey(handle)) {
            nv.removePersistentObject(handle);
        }
        forget(handle);
    }

    /** Drops the object at {@code handle} whose NV place is already gone (NvFlushHierarchy). */
    public void forget(int handle) {
        KeyObject o = objects.remove(handle);
        if (o != null) {
            o.release();
        }
    }

    /** The hierarchy of the object at {@code handle}, or TPM_RH_NULL when there is none. */
    public int hierarchyOf(int handle) {
        KeyObject o = objects.get(handle);
        return o == null ? TpmHandles.RH_NULL : o.hierarchy();
    }

    /** Persistent handles at or above {@code from}, ascending (TPM_CAP_HANDLES). */
    public int[] handles(int from) {
        List<Integer> list = new ArrayList<>(objects.tailMap(from, true).keySet());
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The store as a permanent-state section. */
    public StateSection section() {
        return new Section();
    }

    private final class Section implements StateSection {
        @Override
        public int tag() {
            return 40;
        }

        @Override
        public String name() {
            return "persistent-objects";
        }

        @Override
        public void save(TpmWriter w) {
            w.u16(1).u32(objects.size());
            for (Map.Entry<Integer, KeyObject> e : objects.entrySet()) {
                w.u32(e.getKey());
                int mark = w.beginSized32();
                ObjectKind.save(e.getValue(), w);
                w.endSized32(mark);
            }
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            int version = r.u16();
            if (version != 1) {
                throw new TpmException(TpmRc.VALUE, "persistent objects section version " + version);
            }
            reset();
            int n = r.u32();
            if (n < 0 || n > MAX_OBJECTS) {
                throw new TpmException(TpmRc.SIZE, n + " persistent objects");
            }
            for (int i = 0; i < n; i++) {
                int handle = r.u32();
                int len = r.u32();
                if (len < 0 || len > r.remaining()) {
                    throw new TpmException(TpmRc.SIZE, "persistent object length " + len);
                }
                TpmReader body = r.slice(len);
                LoadedObject o = ObjectKind.load(body);
                if (!(o instanceof KeyObject key) || body.hasRemaining() || TpmHandles.type(handle) != TpmHandles.HT_PERSISTENT) {
                    throw new TpmException(TpmRc.VALUE, "malformed persistent object 0x" + Integer.toHexString(handle));
                }
                objects.put(handle, key);
            }
        }

        @Override
        public void reset() {
            for (KeyObject o : objects.values()) {
                o.release();
            }
            objects.clear();
        }
    }
}
