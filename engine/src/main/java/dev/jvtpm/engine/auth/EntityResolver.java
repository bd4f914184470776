package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;

/**
 * EntityGetLoadStatus (Part 3 §5.5): every handle in a command's handle area must name something
 * present and enabled. Failures use the reference's codes: TPM_RC_REFERENCE_H0 + i for a
 * transient object or session that is not loaded, otherwise a format-one code at handle i.
 */
public final class EntityResolver {
    private EntityResolver() {}

    /** The entity for handle number {@code index} (0-based) of the handle area. */
    public static Entity resolve(TpmCore core, int handle, int index) throws TpmException {
        switch (TpmHandles.type(handle)) {
            case TpmHandles.HT_PERMANENT:
                checkHierarchyEnabled(core, handle, index);
                return PermanentEntity.of(core, handle);
            case TpmHandles.HT_PCR:
                return PermanentEntity.of(core, handle);
            case TpmHandles.HT_TRANSIENT: {
                LoadedObject o = core.objects.get(handle);
                if (o == null) {
                    throw new TpmException(TpmRc.REFERENCE_H0 + index);
                }
                return new ObjectEntity(handle, o);
            }
            case TpmHandles.HT_HMAC_SESSION:
            case TpmHandles.HT_POLICY_SESSION:
                if (!core.sessions().isLoaded(handle)) {
                    throw new TpmException(TpmRc.REFERENCE_H0 + index);
                }
                throw TpmException.handle(index + 1, TpmRc.HANDLE);
            case TpmHandles.HT_PERSISTENT:
                throw persistentNotFound(core, handle, index);
            case TpmHandles.HT_NV_INDEX: {
                NvIndex idx = core.nv.accessible(handle, core.gc.shEnable, core.gc.phEnableNV);
                if (idx == null) {
                    throw TpmException.handle(index + 1, TpmRc.HANDLE);
                }
                return new NvIndexEntity(core, idx);
            }
            default:
                throw TpmException.handle(index + 1, TpmRc.VALUE);
        }
    }

    /**
     * ObjectLoadEvict's checks before it looks a persistent object up, in its order: the
     * hierarchy of the handle range must be enabled, then a free object slot must exist to load
     * it into (TPM_RC_OBJECT_MEMORY, no handle number), and only then is a missing object
     * TPM_RC_HANDLE. No persistent objects exist yet (EvictControl is not implemented), so the
     * lookup always fails.
     */
    private static TpmException persistentNotFound(TpmCore core, int handle, int index) {
        boolean platformRange = Integer.compareUnsigned(handle, TpmHandles.PLATFORM_PERSISTENT) >= 0;
        boolean enabled = platformRange ? core.phEnable : core.gc.shEnable;
        if (enabled && core.objects.freeSlots() == 0) {
            return new TpmException(TpmRc.OBJECT_MEMORY);
        }
        return TpmException.handle(index + 1, TpmRc.HANDLE);
    }

    private static void checkHierarchyEnabled(TpmCore core, int handle, int index) throws TpmException {
        boolean enabled;
        switch (handle) {
            case TpmHandles.RH_OWNER:
                enabled = core.gc.shEnable;
                break;
            case TpmHandles.RH_ENDORSEMENT:
                enabled = core.gc.ehEnable;
                break;
            case TpmHandles.RH_PLATFORM:
                enabled = core.phEnable;
                break;
            case TpmHandles.RH_NULL:
            case TpmHandles.RS_PW:
            case TpmHandles.RH_LOCKOUT:
            case TpmHandles.RH_PLATFORM_NV:
                enabled = true;
                break;
            default:
                throw TpmException.handle(index + 1, TpmRc.VALUE);
        }
        if (!enabled) {
            throw TpmException.handle(index + 1, TpmRc.HIERARCHY);
        }
    }
}
