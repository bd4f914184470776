package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmHandles;

/**
 * Hierarchy and PCR handles: name = handle; authValue and authPolicy are the hierarchy's (or
 * PCR's) current values, read when asked, so a response HMAC after HierarchyChangeAuth uses the
 * new authValue as the reference does.
 */
public final class PermanentEntity implements Entity {
    private final TpmCore core;
    private final int handle;

    private PermanentEntity(TpmCore core, int handle) {
        this.core = core;
        this.handle = handle;
    }

    /** The entity for a hierarchy or PCR handle, or null when the handle is neither. */
    public static PermanentEntity of(TpmCore core, int handle) {
        switch (handle) {
            case TpmHandles.RH_OWNER:
            case TpmHandles.RH_ENDORSEMENT:
            case TpmHandles.RH_PLATFORM:
            case TpmHandles.RH_LOCKOUT:
            case TpmHandles.RH_NULL:
                return new PermanentEntity(core, handle);
            default:
                return TpmHandles.type(handle) == TpmHandles.HT_PCR ? new PermanentEntity(core, handle) : null;
        }
    }

    @Override
    public int handle() {
        return handle;
    }

    @Override
    public byte[] name() {
        return new byte[] {(byte) (handle >>> 24), (byte) (handle >>> 16), (byte) (handle >>> 8), (byte) handle};
    }

    @Override
    public byte[] authValue() {
        switch (handle) {
            case TpmHandles.RH_OWNER:
                return core.gp.ownerAuth;
            case TpmHandles.RH_ENDORSEMENT:
                return core.gp.endorsementAuth;
            case TpmHandles.RH_PLATFORM:
                return core.gc.platformAuth;
            case TpmHandles.RH_LOCKOUT:
                return core.gp.lockoutAuth;
            default:
                return new byte[0];
        }
    }

    @Override
    public HierarchyPolicy authPolicy() {
        switch (handle) {
            case TpmHandles.RH_OWNER:
                return core.gp.ownerPolicy;
            case TpmHandles.RH_ENDORSEMENT:
                return core.gp.endorsementPolicy;
            case TpmHandles.RH_PLATFORM:
                return core.gc.platformPolicy;
            case TpmHandles.RH_LOCKOUT:
                return core.gp.lockoutPolicy;
            default:
                return HierarchyPolicy.EMPTY;
        }
    }

    /** Only lockoutAuth failures count (Part 1 §19.8.6: they lock lockoutAuth itself). */
    @Override
    public boolean daProtected() {
        return handle == TpmHandles.RH_LOCKOUT;
    }

    /** Platform, endorsement and null are their own hierarchy; owner and lockout the owner's; PCRs none. */
    @Override
    public int hierarchy() {
        switch (handle) {
            case TpmHandles.RH_PLATFORM:
            case TpmHandles.RH_ENDORSEMENT:
            case TpmHandles.RH_NULL:
                return handle;
            case TpmHandles.RH_OWNER:
            case TpmHandles.RH_LOCKOUT:
                return TpmHandles.RH_OWNER;
            default:
                return TpmHandles.RH_NULL;
        }
    }
}
