package dev.jvtpm.engine.command;

import java.util.Arrays;

/**
 * A Part 2 interface type for a handle (TPMI_DH_PCR, TPMI_RH_HIERARCHY+, ...): which values
 * unmarshal. A handle outside its type is {@code TPM_RC_VALUE} at its handle position, as the
 * reference's unmarshalling code reports it.
 */
public interface HandleType {
    boolean accepts(int handle);

    /** Exactly these handles. */
    static HandleType of(int... handles) {
        int[] sorted = handles.clone();
        Arrays.sort(sorted);
        return h -> Arrays.binarySearch(sorted, h) >= 0;
    }

    /** Handles of type {@code ht} (the top byte) whose low 24 bits are ≤ {@code maxOffset}. */
    static HandleType range(int ht, int maxOffset) {
        return h -> (h >>> 24) == ht && (h & 0xFFFFFF) <= maxOffset;
    }

    default HandleType or(HandleType other) {
        return h -> accepts(h) || other.accepts(h);
    }
}
