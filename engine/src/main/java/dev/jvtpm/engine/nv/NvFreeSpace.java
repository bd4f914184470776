package dev.jvtpm.engine.nv;

import java.util.TreeMap;

/**
 * What libtpms' NV image holds past the end of its index/object list, as runs of zero and
 * erased (0xFF) bytes. It matters for one thing a client can see: the data area of a new
 * non-orderly index is whatever lies there, and a PIN index written partially the first time
 * exposes the rest. A fresh process has zeros; deleting an entry zeroes the bytes it vacates and
 * erases the entry's size after the moved-up list terminator (NvDelete with libtpms'
 * _plat__NvMemoryMove and _plat__NvMemoryClear). Live data never remains there. Like libtpms'
 * RAM image it lives as long as the TPM object — across _TPM_Init, not across a new process.
 */
final class NvFreeSpace {
    /** Run starts (offsets in the dynamic area) and the byte each run holds until the next one. */
    private final TreeMap<Integer, Byte> runs = new TreeMap<>();

    NvFreeSpace() {
        runs.put(0, (byte) 0);
    }

    /** Sets {@code [from, to)} to {@code value}. */
    void fill(int from, int to, byte value) {
        to = Math.min(to, NvSpace.DYNAMIC_BYTES);
        if (from >= to) {
            return;
        }
        byte after = runs.floorEntry(to).getValue();
        runs.subMap(from, true, to, true).clear();
        runs.put(from, value);
        if (to < NvSpace.DYNAMIC_BYTES) {
            runs.put(to, after);
        }
    }

    /** The {@code length} bytes from {@code from}. */
    byte[] read(int from, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int at = from + i;
            out[i] = at < NvSpace.DYNAMIC_BYTES ? runs.floorEntry(at).getValue() : 0;
        }
        return out;
    }

    /** NvDelete of the entry of {@code size} bytes at {@code position} of a list ending at {@code end}. */
    void entryDeleted(int position, int size, int end) {
        int newEnd = end - size;
        if (position + size < end) {
            fill(newEnd, end, (byte) 0);
        }
        fill(newEnd + NvSpace.LIST_TERMINATOR, newEnd + NvSpace.LIST_TERMINATOR + size, (byte) 0xFF);
    }
}
