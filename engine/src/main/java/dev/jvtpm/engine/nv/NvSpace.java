package dev.jvtpm.engine.nv;

/**
 * NV capacity as libtpms 0.9 (x86-64) accounts it, so TPM_RC_NV_SPACE and the capacity
 * properties (TPM_PT_NV_COUNTERS_AVAIL, TPM_PT_HR_PERSISTENT_AVAIL) fall exactly where swtpm's
 * do. libtpms keeps NV indexes and persistent objects in one list in a fixed NV image; an entry
 * costs its in-memory C structure plus a size word, and orderly indexes keep their data in a
 * separate 512-byte RAM area instead. The sizes below are those structures' sizes in libtpms
 * 0.9.2 builds (sizeof(NV_INDEX) = 148, sizeof(OBJECT) = 2600, dynamic area from offset 5632 of a
 * 176832-byte image), checked against swtpm: a fresh TPM reports 65 persistent objects and 25
 * counters available, and 31 ordinary 2048-byte indexes leave 38 persistent objects.
 */
public final class NvSpace {
    private NvSpace() {}

    /** NV_MEMORY_SIZE - NV_USER_DYNAMIC: bytes for the index/object list and its terminator. */
    public static final int DYNAMIC_BYTES = 176832 - 5632;
    /** sizeof(NV_INDEX): TPMS_NV_PUBLIC and TPM2B_AUTH as C structures. */
    static final int INDEX_STRUCT = 148;
    /** sizeof(OBJECT). */
    static final int OBJECT_STRUCT = 2600;
    /** The list terminator: a zero size word and the 64-bit maximum counter value. */
    static final int LIST_TERMINATOR = 12;
    /** NV_EVICT_OBJECT_SIZE: size word, handle, OBJECT. */
    public static final int EVICT_OBJECT_ENTRY = 4 + 4 + OBJECT_STRUCT;
    /** NV_INDEX_COUNTER_SIZE: size word, NV_INDEX, 8 data bytes. */
    static final int COUNTER_ENTRY = 4 + INDEX_STRUCT + 8;
    /** RAM_INDEX_SPACE: the orderly-index RAM area. */
    public static final int RAM_BYTES = 512;
    /** NV_RAM_HEADER: size, handle, attributes. */
    static final int RAM_HEADER = 12;
    /** NV_RAM_INDEX_COUNTER_SIZE. */
    static final int RAM_COUNTER_ENTRY = RAM_HEADER + 8;
    /** MIN_EVICT_OBJECTS and MIN_COUNTER_INDICES: space reserved so these always fit. */
    public static final int MIN_EVICT_OBJECTS = 7;
    public static final int MIN_COUNTER_INDICES = 8;

    /** Where an index's data starts in its list entry: after the size word and the NV_INDEX. */
    static final int INDEX_DATA_OFFSET = 4 + INDEX_STRUCT;

    /** The list bytes an index takes (orderly indexes keep no data in the list). */
    static int indexEntryBytes(NvPublic pub) {
        return 4 + INDEX_STRUCT + (NvAttributes.has(pub.attributes(), NvAttributes.ORDERLY) ? 0 : pub.dataSize());
    }

    /** The RAM bytes an orderly index takes. */
    static int ramEntryBytes(NvPublic pub) {
        return RAM_HEADER + pub.dataSize();
    }

    /**
     * NvTestSpace: whether an entity of {@code size} bytes (its structure and data, without the
     * size word) fits in {@code free} bytes while keeping room for the minimum numbers of
     * persistent objects (when adding an index) and counters (unless adding a counter).
     */
    static boolean fits(long free, int size, boolean isIndex, boolean isCounter, int persistentObjects, int counters) {
        long reserved = 4 + LIST_TERMINATOR;
        if (isIndex && persistentObjects < MIN_EVICT_OBJECTS) {
            reserved += (long) (MIN_EVICT_OBJECTS - persistentObjects) * EVICT_OBJECT_ENTRY;
        }
        if ((!isIndex || !isCounter) && counters < MIN_COUNTER_INDICES) {
            reserved += (long) (MIN_COUNTER_INDICES - counters) * COUNTER_ENTRY;
        }
        return reserved < free && size <= free && size + reserved <= free;
    }

    /** NvCapGetPersistentAvail: persistent objects that could still be added. */
    static int persistentAvailable(long free, int counters) {
        long avail = free;
        if (counters < MIN_COUNTER_INDICES) {
            long reserved = LIST_TERMINATOR + (long) (MIN_COUNTER_INDICES - counters) * COUNTER_ENTRY;
            avail = reserved > avail ? 0 : avail - reserved;
        }
        return (int) (avail / EVICT_OBJECT_ENTRY);
    }

    /** NvCapGetCounterAvail: counter indexes that could still be defined (NV list and RAM alike). */
    static int countersAvailable(long free, int ramFree, int persistentObjects) {
        long avail = free;
        if (persistentObjects < MIN_EVICT_OBJECTS) {
            long reserved = LIST_TERMINATOR + (long) (MIN_EVICT_OBJECTS - persistentObjects) * EVICT_OBJECT_ENTRY;
            avail = reserved > avail ? 0 : avail - reserved;
        }
        return (int) Math.min(avail / COUNTER_ENTRY, ramFree / RAM_COUNTER_ENTRY);
    }
}
