package dev.jvtpm.engine.object;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * The transient object slots of one TPM (keys, data objects and sequences). As in the reference, there are
 * {@value #MAX_LOADED_OBJECTS} slots and the handle of the object in slot i is
 * {@code 0x80000000 + i}, so handles are reused as soon as a slot is freed (clients and the
 * Linux resource manager expect exactly that). Loading into a full store is TPM_RC_OBJECT_MEMORY.
 *
 * <p>The DRTM event sequence opened by _TPM_Hash_Start also lives in a slot (the reference's
 * {@code g_DRTMHandle}); if every slot is taken the lowest one is evicted for it.
 *
 * <p>Slots are volatile: TPM2_Startup and _TPM_Init empty them. The volatile state blob carries
 * them (with their running digests) through STORE_VOLATILE and migration.
 */
public final class ObjectStore {
    /** MAX_LOADED_OBJECTS of libtpms and the reference (TPM_PT_HR_TRANSIENT_MIN). */
    public static final int MAX_LOADED_OBJECTS = 3;
    public static final int FIRST = TpmHandles.TRANSIENT_FIRST;
    public static final int LAST = FIRST + MAX_LOADED_OBJECTS - 1;

    private final LoadedObject[] slots = new LoadedObject[MAX_LOADED_OBJECTS];
    /** Handle of the DRTM event sequence, or TPM_RH_UNASSIGNED. */
    private int drtmHandle = TpmHandles.RH_UNASSIGNED;

    /** Puts {@code o} in the lowest free slot and returns its handle; TPM_RC_OBJECT_MEMORY when full. */
    public int load(LoadedObject o) throws TpmException {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                slots[i] = o;
                return FIRST + i;
            }
        }
        throw new TpmException(TpmRc.OBJECT_MEMORY);
    }

    /** IsObjectPresent: whether {@code handle} names an occupied slot. */
    public boolean isPresent(int handle) {
        int i = handle - FIRST;
        return i >= 0 && i < slots.length && slots[i] != null;
    }

    /** The object at {@code handle}, or null when none is loaded there. */
    public LoadedObject get(int handle) {
        return isPresent(handle) ? slots[handle - FIRST] : null;
    }

    /** Frees the slot of {@code handle} (no-op when empty). */
    public void flush(int handle) {
        if (isPresent(handle)) {
            slots[handle - FIRST].release();
            slots[handle - FIRST] = null;
            if (handle == drtmHandle) {
                drtmHandle = TpmHandles.RH_UNASSIGNED;
            }
        }
    }

    /** Frees every slot (TPM2_Startup, _TPM_Init). */
    public void flushAll() {
        for (LoadedObject o : slots) {
            if (o != null) {
                o.release();
            }
        }
        Arrays.fill(slots, null);
        drtmHandle = TpmHandles.RH_UNASSIGNED;
    }

    /**
     * ObjectFlushHierarchy: frees the objects of {@code hierarchy} (a hierarchy was disabled,
     * cleared or re-seeded). Sequences are in TPM_RH_NULL.
     */
    public void flushHierarchy(int hierarchy) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && slots[i].hierarchy() == hierarchy) {
                flush(FIRST + i);
            }
        }
    }

    /** Number of free slots (TPM_PT_HR_TRANSIENT_AVAIL). */
    public int freeSlots() {
        int n = 0;
        for (LoadedObject o : slots) {
            if (o == null) {
                n++;
            }
        }
        return n;
    }

    /** Handles of loaded objects at or above {@code from} (a transient handle), ascending. */
    public int[] loadedHandles(int from) {
        int start = Math.max(0, from - FIRST);
        int[] out = new int[slots.length];
        int n = 0;
        for (int i = start; i >= 0 && i < slots.length; i++) {
            if (slots[i] != null) {
                out[n++] = FIRST + i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    // ---- the DRTM sequence ----

    /**
     * _TPM_Hash_Start: replaces any open DRTM sequence with {@code seq}, evicting the lowest
     * occupied slot when all are taken, as the reference does.
     */
    public void startDrtm(EventSequence seq) {
        flush(drtmHandle);
        int free = -1;
        for (int i = 0; i < slots.length && free < 0; i++) {
            if (slots[i] == null) {
                free = i;
            }
        }
        if (free < 0) {
            free = 0;
            flush(FIRST);
        }
        slots[free] = seq;
        drtmHandle = FIRST + free;
    }

    /** The open DRTM sequence, or null. */
    public EventSequence drtm() {
        LoadedObject o = get(drtmHandle);
        return o instanceof EventSequence ? (EventSequence) o : null;
    }

    /** Closes the DRTM sequence without using it (any command ends it: ObjectTerminateEvent). */
    public void endDrtm() {
        flush(drtmHandle);
        drtmHandle = TpmHandles.RH_UNASSIGNED;
    }

    /** The loaded objects as a volatile-state section. */
    public StateSection section() {
        return new Section();
    }

    private final class Section implements StateSection {
        @Override
        public int tag() {
            return 102;
        }

        @Override
        public String name() {
            return "objects";
        }

        @Override
        public void save(TpmWriter w) {
            w.u16(1).u32(drtmHandle).u16(slots.length);
            for (LoadedObject o : slots) {
                if (o == null) {
                    w.u8(0);
                } else {
                    w.u8(1);
                    int mark = w.beginSized32();
                    ObjectKind.save(o, w);
                    w.endSized32(mark);
                }
            }
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            int version = r.u16();
            if (version != 1) {
                throw new TpmException(TpmRc.VALUE, "objects section version " + version);
            }
            flushAll();
            int drtm = r.u32();
            int n = r.u16();
            if (n > slots.length) {
                throw new TpmException(TpmRc.SIZE, n + " object slots saved, " + slots.length + " available");
            }
            for (int i = 0; i < n; i++) {
                if (r.u8() != 0) {
                    int len = r.u32();
                    if (len < 0 || len > r.remaining()) {
                        throw new TpmException(TpmRc.SIZE, "object length " + len);
                    }
                    TpmReader body = r.slice(len);
                    slots[i] = ObjectKind.load(body);
                    if (body.hasRemaining()) {
                        throw new TpmException(TpmRc.SIZE, "trailing bytes after object " + i);
                    }
                }
            }
            drtmHandle = isPresent(drtm) ? drtm : TpmHandles.RH_UNASSIGNED;
        }

        @Override
        public void reset() {
            flushAll();
        }
    }
}
