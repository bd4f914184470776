package dev.jvtpm.engine.command.context;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.PersistentObjects;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_EvictControl (Part 3 §28.5): makes a loaded transient object persistent at
 * persistentHandle, or removes a persistent object. TPM_RC_VALUE (parameter 1) for a
 * persistentHandle outside TPMI_DH_PERSISTENT. Then, in the reference's order:
 * TPM_RC_ATTRIBUTES (handle 2) for a temporary (null-hierarchy or external), stClear or public-only
 * object, or a sequence; TPM_RC_HANDLE (handle 2) when a persistent objectHandle is not
 * persistentHandle; with platform authorization, TPM_RC_HIERARCHY (handle 2) for persisting an
 * object outside the platform hierarchy and TPM_RC_RANGE (parameter 1) for a handle outside the
 * platform range; with owner authorization, TPM_RC_HIERARCHY (handle 2) for any platform object
 * and TPM_RC_RANGE (parameter 1) for persisting outside the owner range; TPM_RC_NV_DEFINED when
 * persistentHandle is taken; TPM_RC_NV_SPACE when the store is full.
 */
public final class EvictControl extends Command<EvictControl.In, Void> {
    public record In(int auth, int objectHandle, int persistentHandle) {}

    public EvictControl() {
        super(CommandDescriptor.builder(TpmCc.EVICT_CONTROL)
                .handle("auth", HandleTypes.PROVISION, AuthRole.USER)
                .handle("objectHandle", HandleTypes.OBJECT)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int persistent = r.param(1).u32();
        if (!HandleTypes.PERSISTENT.accepts(persistent)) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(handles[0], handles[1], persistent);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject object = ((ObjectEntity) ctx.entity(1)).key();
        if (object == null || object.is(KeyObject.TEMPORARY) || object.is(KeyObject.ST_CLEAR) || object.publicOnly()) {
            throw TpmException.handle(2, TpmRc.ATTRIBUTES);
        }
        boolean evict = object.is(KeyObject.EVICT);
        if (evict && object.evictHandle() != in.persistentHandle()) {
            throw TpmException.handle(2, TpmRc.HANDLE);
        }
        boolean platformObject = object.hierarchy() == TpmHandles.RH_PLATFORM;
        if (in.auth() == TpmHandles.RH_PLATFORM) {
            if (!evict) {
                if (!platformObject) {
                    throw TpmException.handle(2, TpmRc.HIERARCHY);
                }
                if (!PersistentObjects.isPlatformHandle(in.persistentHandle())) {
                    throw TpmException.parameter(1, TpmRc.RANGE);
                }
            }
        } else {
            if (platformObject) {
                throw TpmException.handle(2, TpmRc.HIERARCHY);
            }
            if (!evict && !PersistentObjects.isOwnerHandle(in.persistentHandle())) {
                throw TpmException.parameter(1, TpmRc.RANGE);
            }
        }
        if (evict) {
            core.persistent.remove(object.evictHandle());
        } else {
            if (core.persistent.contains(in.persistentHandle())) {
                throw new TpmException(TpmRc.NV_DEFINED);
            }
            core.persistent.add(in.persistentHandle(), object);
        }
        core.markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
