package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.types.TpmCc;
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

    /**
     * The entity for handle number {@code index} (0-based) of {@code handles}, the command's
     * handle area, for command {@code commandCode}. Earlier handles have been resolved already.
     */
    public static Entity resolve(TpmCore core, int commandCode, int[] handles, int index) throws TpmException {
        int handle = handles[index];
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
            case TpmHandles.HT_POLICY_SESSION: {
                // The entry may hold a session of the other kind: then the handle is wrong.
                Session s = core.sessions().get(handle);
                if (s == null) {
                    throw new TpmException(TpmRc.REFERENCE_H0 + index);
                }
                if (s.policy != (TpmHandles.type(handle) == TpmHandles.HT_POLICY_SESSION)) {
                    throw TpmException.handle(index + 1, TpmRc.HANDLE);
                }
                return new SessionEntity(handle);
            }
            case TpmHandles.HT_PERSISTENT:
                return persistent(core, commandCode, handles, index);
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
     * ObjectLoadEvict, in its order: the hierarchy of the handle's range must be enabled
     * (phEnable for the platform range, shEnable for the owner range), else TPM_RC_HANDLE; then a
     * free object slot must exist to load it into (TPM_RC_OBJECT_MEMORY, no handle number); the
     * reference keeps it there for the whole command, and so does this TPM's slot accounting
     * ({@link dev.jvtpm.engine.object.ObjectStore#borrowForPersistent}); then a missing object is TPM_RC_HANDLE, and so is an endorsement object
     * while ehEnable is clear, except for TPM2_EvictControl (which may still remove it).
     */
    private static Entity persistent(TpmCore core, int commandCode, int[] handles, int index) throws TpmException {
        int handle = handles[index];
        boolean platformRange = Integer.compareUnsigned(handle, TpmHandles.PLATFORM_PERSISTENT) >= 0;
        boolean enabled = platformRange ? core.phEnable : core.gc.shEnable;
        if (!enabled) {
            throw TpmException.handle(index + 1, TpmRc.HANDLE);
        }
        core.objects.borrowForPersistent();
        KeyObject o = core.persistent.get(handle);
        if (o == null) {
            throw TpmException.handle(index + 1, TpmRc.HANDLE);
        }
        if (o.hierarchy() == TpmHandles.RH_ENDORSEMENT && !core.gc.ehEnable && commandCode != TpmCc.EVICT_CONTROL) {
            throw TpmException.handle(index + 1, TpmRc.HANDLE);
        }
        return new ObjectEntity(handle, o);
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
