package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmHandles;

/** Hierarchy and PCR handles: name = handle, auth from the hierarchy's (or PCR's) current value. */
public record PermanentEntity(int handle, byte[] authValue, HierarchyPolicy authPolicy, boolean daProtected)
        implements Entity {

    @Override
    public byte[] name() {
        return new byte[] {(byte) (handle >>> 24), (byte) (handle >>> 16), (byte) (handle >>> 8), (byte) handle};
    }

    /** The entity for a hierarchy or PCR handle, or null when the handle is neither. */
    public static PermanentEntity of(TpmCore core, int handle) {
        switch (handle) {
            case TpmHandles.RH_OWNER:
                return new PermanentEntity(handle, core.gp.ownerAuth, core.gp.ownerPolicy, false);
            case TpmHandles.RH_ENDORSEMENT:
                return new PermanentEntity(handle, core.gp.endorsementAuth, core.gp.endorsementPolicy, false);
            case TpmHandles.RH_PLATFORM:
                return new PermanentEntity(handle, core.gc.platformAuth, core.gc.platformPolicy, false);
            case TpmHandles.RH_LOCKOUT:
                // lockoutAuth failures lock lockoutAuth itself (Part 1 §19.8.6), handled as DA.
                return new PermanentEntity(handle, core.gp.lockoutAuth, core.gp.lockoutPolicy, true);
            case TpmHandles.RH_NULL:
                return new PermanentEntity(handle, new byte[0], HierarchyPolicy.EMPTY, false);
            default:
                if (TpmHandles.type(handle) == TpmHandles.HT_PCR) {
                    return new PermanentEntity(handle, new byte[0], HierarchyPolicy.EMPTY, false);
                }
                return null;
        }
    }
}
