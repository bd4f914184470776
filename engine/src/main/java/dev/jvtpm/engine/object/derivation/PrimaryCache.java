package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Derived RSA primary objects, so that CreatePrimary of a template it has derived before is a
 * lookup instead of a prime search (≈0.1-1.5 s). Only RSA is cached: ECC and symmetric
 * derivations take milliseconds.
 *
 * <p>Why it is sealed in the permanent state rather than kept in memory only: swtpm-style
 * deployments start a TPM process per VM boot, and that is exactly when firmware, the initrd and
 * tpm2-tools derive their SRK/EK primaries again; an in-memory cache would always be cold then.
 * The entries hold nothing the state does not already imply (the seeds derive them), and the
 * state is sealed as a whole.
 *
 * <p>An entry is keyed by SHA-256 over everything the derivation depends on (version, seed,
 * Name of the template, inSensitive.data, the endorsement proofs) and remembers a fingerprint of
 * its seed; entries of a seed that no hierarchy holds any more (after Clear, ChangeEPS,
 * ChangePPS or a TPM Reset for the null seed) are dropped on the next use, so no private key of a
 * discarded seed outlives it. Null-hierarchy entries are never written to the state. The
 * userAuth is not part of the derivation: entries store the sensitive area without it and the
 * caller puts the adjusted userAuth back. Least recently used entries are evicted beyond the
 * capacity.
 */
public final class PrimaryCache {
    /** One cached primary. */
    record Entry(byte[] key, byte[] seedFingerprint, boolean persistent, PublicArea publicArea, SensitiveArea sensitive,
                 byte[] name) {}

    private final int capacity;
    /** Access-ordered: the eldest entry is the least recently used. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private boolean persistentChanged;

    public PrimaryCache(int capacity) {
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return entries.size();
    }

    /** The entry for {@code key}, or null. */
    Entry get(byte[] key) {
        return entries.get(hex(key));
    }

    void put(Entry e) {
        if (capacity == 0) {
            return;
        }
        entries.put(hex(e.key()), e);
        persistentChanged |= e.persistent();
        while (entries.size() > capacity) {
            Iterator<Entry> it = entries.values().iterator();
            persistentChanged |= it.next().persistent();
            it.remove();
        }
    }

    /** Drops every entry whose seed is not one of {@code liveSeedFingerprints}. */
    void retainSeeds(Set<String> liveSeedFingerprints) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!liveSeedFingerprints.contains(hex(e.seedFingerprint()))) {
                persistentChanged |= e.persistent();
                it.remove();
            }
        }
    }

    /** Whether persistent entries changed since the last call (the permanent state must be written). */
    public boolean takePersistentChange() {
        boolean c = persistentChanged;
        persistentChanged = false;
        return c;
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    /** The persistent entries as a permanent-state section. */
    public StateSection section() {
        return new Section();
    }

    private final class Section implements StateSection {
        @Override
        public int tag() {
            return 41;
        }

        @Override
        public String name() {
            return "primary-cache";
        }

        @Override
        public void save(TpmWriter w) {
            List<Entry> keep = new ArrayList<>();
            for (Entry e : entries.values()) {
                if (e.persistent()) {
                    keep.add(e);
                }
            }
            w.u16(1).u16(keep.size());
            for (Entry e : keep) {
                w.tpm2b(e.key()).tpm2b(e.seedFingerprint());
                e.publicArea().writeSized(w);
                e.sensitive().writeSized(w);
                w.tpm2b(e.name());
            }
        }

        @Override
        public void load(TpmReader r) throws TpmException {
            int version = r.u16();
            if (version != 1) {
                throw new TpmException(TpmRc.VALUE, "primary cache section version " + version);
            }
            entries.clear();
            int n = r.u16();
            for (int i = 0; i < n; i++) {
                byte[] key = r.tpm2b(32);
                byte[] fingerprint = r.tpm2b(32);
                PublicArea p = PublicArea.readSized(r, false);
                SensitiveArea s = SensitiveArea.readSized(r);
                byte[] name = r.tpm2b(ObjectLimits.NAME);
                if (s == null) {
                    throw new TpmException(TpmRc.VALUE, "primary cache entry without a sensitive area");
                }
                if (i < capacity) {
                    entries.put(hex(key), new Entry(key, fingerprint, true, p, s, name));
                }
            }
            persistentChanged = false;
        }

        @Override
        public void reset() {
            entries.clear();
            persistentChanged = false;
        }
    }

    @Override
    public String toString() {
        return "PrimaryCache[" + entries.size() + "/" + capacity + "]";
    }
}
