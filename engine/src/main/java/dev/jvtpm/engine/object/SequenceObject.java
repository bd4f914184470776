package dev.jvtpm.engine.object;

import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.types.TpmHandles;

/**
 * A hash, event (or later HMAC) sequence (Part 3 §17). As in the reference, a sequence is a
 * temporary object in the null hierarchy with no nameAlg, so its Name is the Empty Buffer; it is
 * exempt from dictionary-attack protection and authorized with the authValue given when it was
 * started (USER role, always available).
 */
public abstract class SequenceObject extends LoadedObject {
    private final byte[] auth;

    protected SequenceObject(byte[] auth) {
        this.auth = auth.clone();
    }

    @Override
    public final int hierarchy() {
        return TpmHandles.RH_NULL;
    }

    @Override
    public final byte[] name() {
        return new byte[0];
    }

    @Override
    public final byte[] authValue() {
        return auth.clone();
    }

    @Override
    public final HierarchyPolicy authPolicy() {
        return HierarchyPolicy.EMPTY;
    }

    @Override
    public final boolean noDA() {
        return true;
    }

    /** Adds data to the running digest(s) (TPM2_SequenceUpdate). */
    public abstract void update(byte[] data);
}
