package dev.jvtpm.engine.object;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * The concrete types of loaded objects, with the stable tags their state is saved under (volatile
 * state blobs, persistent objects and object contexts). Tags are never reused.
 */
public enum ObjectKind {
    HASH_SEQUENCE(1),
    EVENT_SEQUENCE(2),
    KEY(3),
    HMAC_SEQUENCE(4);

    private final int tag;

    ObjectKind(int tag) {
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }

    /** Writes {@code o} as its kind tag followed by its state. */
    public static void save(LoadedObject o, TpmWriter w) {
        w.u16(o.kind().tag);
        o.save(w);
    }

    /** Reads what {@link #save} wrote; TPM_RC_VALUE for an unknown kind or malformed state. */
    public static LoadedObject load(TpmReader r) throws TpmException {
        int tag = r.u16();
        switch (tag) {
            case 1: return HashSequence.load(r);
            case 2: return EventSequence.load(r);
            case 3: return KeyObject.load(r);
            case 4: return HmacSequence.load(r);
            default: throw new TpmException(TpmRc.VALUE, "unknown object kind " + tag);
        }
    }
}
