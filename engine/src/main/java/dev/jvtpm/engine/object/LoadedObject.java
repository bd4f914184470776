package dev.jvtpm.engine.object;

import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * Something that occupies a transient object slot: a hash, event or HMAC sequence, or a key or
 * data object ({@link KeyObject}). What authorization, GetCapability, HierarchyControl and the
 * state blob need from any loaded object is here; everything type-specific lives in the
 * subclasses.
 */
public abstract class LoadedObject {
    /** The hierarchy the object belongs to: TPM_RH_OWNER/ENDORSEMENT/PLATFORM, or TPM_RH_NULL. */
    public abstract int hierarchy();

    /** Its Name (Part 1 "Names"): nameAlg ‖ H(TPMT_PUBLIC) for keys, the Empty Buffer for sequences. */
    public abstract byte[] name();

    /** The authValue as stored (trailing zeros are stripped only when compared). */
    public abstract byte[] authValue();

    /** The authPolicy, or an empty one. */
    public abstract HierarchyPolicy authPolicy();

    /** TPMA_OBJECT.noDA: authorization failures do not count against dictionary-attack protection. */
    public abstract boolean noDA();

    /** Releases what the object holds outside the heap (prepared provider keys) when it leaves the TPM. */
    public void release() {
    }

    /** The codec tag of the concrete type. */
    abstract ObjectKind kind();

    /** Writes the type-specific state that {@link ObjectKind#load} reads back. */
    abstract void save(TpmWriter w);
}
