package dev.jvtpm.engine.pcr;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which PCRs of which bank are allocated (the reference's {@code gp.pcrAllocated}). Persistent:
 * PCR_Allocate changes it at once, but the banks in RAM follow only at the next _TPM_Init.
 */
public final class PcrAllocation implements StateSection {
    private static final int ALL = (1 << PcrAttributes.PCR_COUNT) - 1;

    private final Set<HashAlg> defaults;
    private final Map<HashAlg, Integer> bitmaps = new EnumMap<>(HashAlg.class);

    public PcrAllocation(Set<HashAlg> defaults) {
        this.defaults = Set.copyOf(defaults);
        reset();
    }

    /** Bitmap of allocated PCRs in this bank (0 when the bank is not allocated). */
    public int bitmap(HashAlg alg) {
        return bitmaps.getOrDefault(alg, 0);
    }

    public void set(HashAlg alg, int bitmap) {
        bitmaps.put(alg, bitmap & ALL);
    }

    /** Makes this allocation equal to {@code other}. */
    public void assign(PcrAllocation other) {
        bitmaps.clear();
        bitmaps.putAll(other.bitmaps);
    }

    public PcrAllocation copy() {
        PcrAllocation c = new PcrAllocation(defaults);
        c.bitmaps.clear();
        c.bitmaps.putAll(bitmaps);
        return c;
    }

    public boolean sameAs(PcrAllocation other) {
        return bitmaps.equals(other.bitmaps);
    }

    @Override
    public int tag() {
        return 10;
    }

    @Override
    public String name() {
        return "pcr-allocation";
    }

    @Override
    public void save(TpmWriter w) {
        w.u16(1).u16(HashAlg.values().length);
        for (HashAlg alg : HashAlg.values()) {
            w.u16(alg.id()).u32(bitmap(alg));
        }
    }

    @Override
    public void load(TpmReader r) throws TpmException {
        r.u16();
        int n = r.u16();
        bitmaps.clear();
        for (int i = 0; i < n; i++) {
            HashAlg alg = HashAlg.fromId(r.u16());
            int bm = r.u32();
            if (alg != null) {
                set(alg, bm);
            }
        }
    }

    @Override
    public void reset() {
        bitmaps.clear();
        for (HashAlg alg : HashAlg.values()) {
            set(alg, defaults.contains(alg) ? ALL : 0);
        }
    }
}
