package dev.jvtpm.engine.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;

import dev.jvtpm.engine.core.StartupKind;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The TPM's NV list (libtpms' NVDynamic.c): NV indexes and the places persistent objects take
 * beside them. Definition within the NV capacity, deletion with the counter high-water mark,
 * data and attribute writes with the reference's bookkeeping for orderly indexes, the Startup
 * processing of locks and orderly counters, GlobalWriteLock and the owner flush of TPM2_Clear.
 *
 * <p>Every change reports what it obliges the TPM to do through a {@link Listener}: a change to
 * the NV image must be written before the response; a change to orderly RAM data makes the
 * next startup non-orderly; and some changes queue a write of all orderly RAM data to NV at the
 * end of the command ({@link #commitOrderlyData()}), as libtpms' UT_ORDERLY does.
 */
public final class NvStore {
    /** MAX_ORDERLY_COUNT: after a non-orderly shutdown an orderly counter resumes at saved | this, so +1 rolls over. */
    public static final long MAX_ORDERLY_COUNT = 0xFF;

    /** What NV changes oblige the rest of the TPM to do. */
    public interface Listener {
        /** The NV image changed: it must reach the state store before the response. */
        void nvChanged();

        /** Orderly RAM data changed: the TPM is no longer in an orderly state (g_clearOrderly). */
        void orderlyDataChanged();
    }

    private final Listener listener;
    private final Map<Integer, NvIndex> indexes = new LinkedHashMap<>();
    /**
     * libtpms' NV list: every index and persistent object in the order they were added, with the
     * bytes each takes. Positions in it decide what a new index's data area starts with.
     */
    private final LinkedHashMap<Integer, Integer> list = new LinkedHashMap<>();
    private final NvFreeSpace freeSpace = new NvFreeSpace();
    /** The highest value of any deleted counter; new counters start above it. */
    private long maxCounter;
    private boolean orderlyCommitPending;

    public NvStore(Listener listener) {
        this.listener = listener;
    }

    /** The index with this handle, or null. */
    public NvIndex get(int handle) {
        return indexes.get(handle);
    }

    public boolean isDefined(int handle) {
        return indexes.containsKey(handle);
    }

    /**
     * NvIndexIsAccessible: the index, or null when it is undefined or hidden because the
     * hierarchy that created it is disabled (an owner index with shEnable clear, a platform index
     * with phEnableNV clear).
     */
    public NvIndex accessible(int handle, boolean shEnable, boolean phEnableNV) {
        NvIndex idx = indexes.get(handle);
        if (idx == null) {
            return null;
        }
        if (!idx.has(PLATFORMCREATE)) {
            return shEnable ? idx : null;
        }
        return phEnableNV ? idx : null;
    }

    public long maxCounter() {
        return maxCounter;
    }

    // ---- definition and deletion ----

    /** NvDefineIndex: TPM_RC_NV_SPACE when the index does not fit (NV list, then orderly RAM). */
    public NvIndex define(NvPublic pub, byte[] authValue) throws TpmException {
        boolean orderly = NvAttributes.has(pub.attributes(), ORDERLY);
        int size = NvSpace.indexEntryBytes(pub) - 4;
        if (!NvSpace.fits(freeBytes(), size, true, isCounter(pub.attributes()), persistentObjectCount(),
                counterCount())) {
            throw new TpmException(TpmRc.NV_SPACE);
        }
        if (orderly && ramFree() < NvSpace.ramEntryBytes(pub)) {
            throw new TpmException(TpmRc.NV_SPACE);
        }
        int end = usedBytes();
        byte[] initial = orderly ? null : freeSpace.read(end + NvSpace.INDEX_DATA_OFFSET, pub.dataSize());
        NvIndex idx = new NvIndex(pub, authValue, initial);
        indexes.put(pub.nvIndex(), idx);
        list.put(pub.nvIndex(), NvSpace.indexEntryBytes(pub));
        if (orderly) {
            orderlyCommitPending = true;
        }
        listener.nvChanged();
        return idx;
    }

    /** NvDeleteIndex: a written counter raises the high-water mark before it goes. */
    public void delete(NvIndex idx) {
        if (isCounter(idx.attributes()) && idx.has(WRITTEN)) {
            raiseMaxCounter(idx.readUint64());
        }
        remove(idx);
    }

    /** NvUpdateMaxCount: counter values are unsigned 64-bit. */
    private void raiseMaxCounter(long value) {
        if (Long.compareUnsigned(value, maxCounter) > 0) {
            maxCounter = value;
        }
    }

    private void remove(NvIndex idx) {
        indexes.remove(idx.handle());
        removeFromList(idx.handle());
        if (idx.isOrderly()) {
            orderlyCommitPending = true;
        }
        listener.nvChanged();
    }

    /**
     * NvFlushHierarchy: walks the NV list in order, deleting the persistent objects
     * {@code persistentInHierarchy} accepts and, for TPM_RH_OWNER, every index not created by
     * the platform; returns the deleted objects' handles. Like libtpms it judges an index by its
     * NV entry, whose WRITTEN bit is never set for orderly indexes, so only non-orderly counters
     * raise the high-water mark here.
     */
    public List<Integer> flushHierarchy(int hierarchy, IntPredicate persistentInHierarchy) {
        List<Integer> objects = new ArrayList<>();
        for (int handle : List.copyOf(list.keySet())) {
            NvIndex idx = indexes.get(handle);
            if (idx == null) {
                if (persistentInHierarchy.test(handle)) {
                    removeFromList(handle);
                    objects.add(handle);
                    listener.nvChanged();
                }
                continue;
            }
            int attrs = idx.nvAttributes();
            if (hierarchy != TpmHandles.RH_OWNER || NvAttributes.has(attrs, PLATFORMCREATE)) {
                continue;
            }
            if (isCounter(attrs) && NvAttributes.has(attrs, WRITTEN) && !idx.isOrderly()) {
                raiseMaxCounter(idx.readUint64());
            }
            remove(idx);
        }
        return objects;
    }

    /** NvDelete: the list closes up behind the entry. */
    private void removeFromList(int handle) {
        int position = 0;
        for (Map.Entry<Integer, Integer> e : list.entrySet()) {
            if (e.getKey() == handle) {
                break;
            }
            position += e.getValue();
        }
        int size = list.remove(handle);
        freeSpace.entryDeleted(position, size, usedBytes() + size);
    }

    // ---- persistent objects (their place in the NV list) ----

    /**
     * NvAddEvictObject's NV part: takes a persistent object's place in the NV list;
     * TPM_RC_NV_SPACE when it does not fit next to the indexes (which keep room for the minimum
     * number of counters). The object itself is kept by whoever stores persistent objects.
     */
    public void addPersistentObject(int handle) throws TpmException {
        if (!NvSpace.fits(freeBytes(), NvSpace.EVICT_OBJECT_ENTRY - 4, false, false, persistentObjectCount(),
                counterCount())) {
            throw new TpmException(TpmRc.NV_SPACE);
        }
        list.put(handle, NvSpace.EVICT_OBJECT_ENTRY);
        listener.nvChanged();
    }

    /** NvDeleteEvict's NV part; nothing happens for a handle that is not in the list. */
    public void removePersistentObject(int handle) {
        if (list.containsKey(handle) && !indexes.containsKey(handle)) {
            removeFromList(handle);
            listener.nvChanged();
        }
    }

    /** TPM_PT_HR_PERSISTENT: persistent objects in NV. */
    public int persistentObjectCount() {
        int n = 0;
        for (int h : list.keySet()) {
            if (!indexes.containsKey(h)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Makes the list's persistent-object places those of {@code handles} (the objects actually
     * stored): drops places of objects that are gone and appends missing ones, for state written
     * before objects had places in the list.
     */
    public void keepPersistentObjects(int[] handles) {
        java.util.Set<Integer> stored = new java.util.HashSet<>();
        for (int h : handles) {
            stored.add(h);
        }
        for (int h : List.copyOf(list.keySet())) {
            if (!indexes.containsKey(h) && !stored.contains(h)) {
                list.remove(h);
            }
        }
        for (int h : handles) {
            list.putIfAbsent(h, NvSpace.EVICT_OBJECT_ENTRY);
        }
    }

    // ---- data and attributes ----

    /**
     * NvWriteIndexData: writes {@code data} at {@code offset} (the caller checked the range). The
     * first write sets TPMA_NV_WRITTEN; a partial first write of an ordinary index starts from
     * an erased data area (0xFF in NV, zeros in orderly RAM). Orderly data stays in RAM, except
     * that the first write of an orderly counter is saved with all orderly data.
     */
    public void write(NvIndex idx, int offset, byte[] data) {
        if (!idx.has(WRITTEN)) {
            int attrs = idx.attributes() | WRITTEN;
            if (!idx.isOrderly()) {
                idx.setNvAttributes(attrs);
                if (isOrdinary(attrs) && idx.dataSize() > data.length) {
                    Arrays.fill(idx.liveData(), (byte) 0xFF);
                }
            } else {
                idx.setRamAttributes(attrs);
                if (isCounter(attrs)) {
                    orderlyCommitPending = true;
                } else if (isOrdinary(attrs)) {
                    Arrays.fill(idx.liveData(), (byte) 0);
                }
            }
        }
        System.arraycopy(data, 0, idx.liveData(), offset, data.length);
        if (idx.isOrderly()) {
            listener.orderlyDataChanged();
        } else {
            listener.nvChanged();
        }
    }

    /** NvWriteUINT64Data: the value in big-endian form at offset 0. */
    public void writeUint64(NvIndex idx, long value) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) value;
            value >>>= 8;
        }
        write(idx, 0, b);
    }

    /**
     * NV_Increment's write: counters of an orderly index are saved to NV when the low
     * {@code log2(MAX_ORDERLY_COUNT + 1)} bits roll over, bounding what a crash can lose.
     */
    public void writeCounter(NvIndex idx, long value) {
        writeUint64(idx, value);
        if (idx.isOrderly() && (value & MAX_ORDERLY_COUNT) == 0) {
            orderlyCommitPending = true;
        }
    }

    /** NvWriteIndexAttributes: orderly indexes change only in RAM (not even the orderly state). */
    public void setAttributes(NvIndex idx, int attributes) {
        if (idx.isOrderly()) {
            idx.setRamAttributes(attributes);
        } else {
            idx.setNvAttributes(attributes);
            listener.nvChanged();
        }
    }

    /** NvWriteIndexAuth. */
    public void changeAuth(NvIndex idx, byte[] authValue) {
        idx.setAuthValue(authValue);
        listener.nvChanged();
    }

    /**
     * NvSetGlobalLock: every index with TPMA_NV_GLOBALLOCK becomes write-locked (in NV for
     * ordinary indexes, in RAM for orderly ones).
     */
    public void setGlobalLock() {
        for (NvIndex idx : indexes.values()) {
            if (idx.has(GLOBALLOCK)) {
                setAttributes(idx, idx.attributes() | WRITELOCKED);
            }
        }
    }

    // ---- power and startup ----

    /** _TPM_Init: RAM holds what was last saved of the orderly data. */
    public void powerOn() {
        for (NvIndex idx : indexes.values()) {
            if (idx.isOrderly()) {
                idx.restoreRam();
            }
        }
        orderlyCommitPending = false;
    }

    /**
     * NvEntityStartup: reloads orderly RAM data from NV; then, unless this is a Resume, clears
     * read locks, unwrites TPMA_NV_CLEAR_STCLEAR indexes (and orderly non-counters on a TPM
     * Reset), unlocks what is unwritten or not TPMA_NV_WRITEDEFINE, and after a non-orderly
     * shutdown moves orderly counters to the top of their current {@code MAX_ORDERLY_COUNT}
     * block so that no value handed out before the crash is ever repeated.
     */
    public void startup(StartupKind kind, boolean previousShutdownNonOrderly) {
        powerOn();
        if (kind == StartupKind.RESUME) {
            return;
        }
        for (NvIndex idx : indexes.values()) {
            if (idx.isOrderly()) {
                int attrs = startupAttributes(idx.attributes(), kind);
                idx.setRamAttributes(attrs);
                if (isCounter(attrs) && previousShutdownNonOrderly) {
                    byte[] ram = idx.liveData();
                    ram[7] |= (byte) MAX_ORDERLY_COUNT;
                }
            } else {
                int attrs = startupAttributes(idx.nvAttributes(), kind);
                if (attrs != idx.nvAttributes()) {
                    idx.setNvAttributes(attrs);
                    listener.nvChanged();
                }
            }
        }
    }

    /** NvSetStartupAttributes. */
    private static int startupAttributes(int attrs, StartupKind kind) {
        attrs &= ~READLOCKED;
        if (!isCounter(attrs)
                && (NvAttributes.has(attrs, CLEAR_STCLEAR) || (NvAttributes.has(attrs, ORDERLY) && kind == StartupKind.RESET))) {
            attrs &= ~WRITTEN;
        }
        if (!NvAttributes.has(attrs, WRITTEN) || !NvAttributes.has(attrs, WRITEDEFINE)) {
            attrs &= ~WRITELOCKED;
        }
        return attrs;
    }

    /** NvUpdateIndexOrderlyData: all orderly RAM data goes to NV (TPM2_Shutdown, or queued). */
    public void saveOrderlyData() {
        boolean any = false;
        for (NvIndex idx : indexes.values()) {
            if (idx.isOrderly()) {
                idx.saveRam();
                any = true;
            }
        }
        orderlyCommitPending = false;
        if (any) {
            listener.nvChanged();
        }
    }

    /** End of a command: performs the orderly-data write a change queued (libtpms' UT_ORDERLY). */
    public void commitOrderlyData() {
        if (orderlyCommitPending) {
            saveOrderlyData();
        }
    }

    // ---- capacity and capabilities ----

    private int usedBytes() {
        int used = 0;
        for (int bytes : list.values()) {
            used += bytes;
        }
        return used;
    }

    private long freeBytes() {
        return NvSpace.DYNAMIC_BYTES - usedBytes();
    }

    private int ramFree() {
        int used = 0;
        for (NvIndex idx : indexes.values()) {
            if (idx.isOrderly()) {
                used += NvSpace.ramEntryBytes(idx.defined());
            }
        }
        return NvSpace.RAM_BYTES - used;
    }

    /** TPM_PT_HR_NV_INDEX. */
    public int indexCount() {
        return indexes.size();
    }

    /** TPM_PT_NV_COUNTERS: counter indexes, by the type in their NV entries. */
    public int counterCount() {
        int n = 0;
        for (NvIndex idx : indexes.values()) {
            if (isCounter(idx.nvAttributes())) {
                n++;
            }
        }
        return n;
    }

    /** TPM_PT_NV_COUNTERS_AVAIL. */
    public int countersAvailable() {
        return NvSpace.countersAvailable(freeBytes(), ramFree(), persistentObjectCount());
    }

    /** TPM_PT_HR_PERSISTENT_AVAIL. */
    public int persistentObjectsAvailable() {
        return NvSpace.persistentAvailable(freeBytes(), counterCount());
    }

    /** Defined index handles at or above {@code from}, ascending (NvCapGetIndex). */
    public int[] handles(int from) {
        return indexes.keySet().stream().mapToInt(Integer::intValue)
                .filter(h -> Integer.compareUnsigned(h, from) >= 0).sorted().toArray();
    }

    // ---- state ----

    List<NvIndex> all() {
        return List.copyOf(indexes.values());
    }

    /** The NV list's handles in order (indexes and persistent objects). */
    List<Integer> listOrder() {
        return List.copyOf(list.keySet());
    }

    /** NvManufacture: no indexes or objects, high-water mark zero. */
    public void manufacture() {
        indexes.clear();
        list.clear();
        maxCounter = 0;
        orderlyCommitPending = false;
    }

    /**
     * Loads the NV list from a state blob: {@code order} holds every handle, {@code restored} the
     * indexes among them. The free-space image stays as it is, as libtpms' RAM image does when a
     * state is loaded into the same process.
     */
    void restore(long maxCounter, List<Integer> order, Map<Integer, NvIndex> restored) {
        manufacture();
        this.maxCounter = maxCounter;
        for (int h : order) {
            NvIndex idx = restored.get(h);
            if (idx != null) {
                indexes.put(h, idx);
                list.put(h, NvSpace.indexEntryBytes(idx.defined()));
            } else {
                list.put(h, NvSpace.EVICT_OBJECT_ENTRY);
            }
        }
    }

    /** The indexes as a permanent-state section. */
    public dev.jvtpm.engine.state.StateSection permanentSection() {
        return new NvStateSections.Permanent(this);
    }

    /** Orderly RAM data as a volatile-state section. */
    public dev.jvtpm.engine.state.StateSection ramSection() {
        return new NvStateSections.OrderlyRam(this);
    }
}
