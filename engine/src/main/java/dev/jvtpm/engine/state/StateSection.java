package dev.jvtpm.engine.state;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * One component's part of a state blob. Each section has a stable tag and writes its own
 * versioned body; a blob is the list of sections present. A section missing from an older blob
 * takes its {@link #reset() defaults}; an unknown tag means the blob is from a newer jvtpm and is
 * refused.
 */
public interface StateSection {
    /** Stable identifier of this section in blobs; never reused. */
    int tag();

    /** Short name for error messages. */
    String name();

    void save(TpmWriter w);

    void load(TpmReader r) throws TpmException;

    /** Puts the section into its state for a freshly manufactured TPM. */
    void reset();
}
