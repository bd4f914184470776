package dev.jvtpm.engine.command.context;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.capability.ContextSizes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.object.ObjectKind;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ContextLoad (Part 3 §28.3): reloads a saved object or session. No sessions.
 * Unmarshalling at parameter 1: TPM_RC_VALUE for a savedHandle outside TPMI_DH_SAVED or a hierarchy
 * outside TPMI_RH_HIERARCHY+, TPM_RC_SIZE for a blob over its maximum; trailing bytes are ignored
 * when the parameter area is exactly TPM_PT_MAX_OBJECT_CONTEXT long (Windows pads the command to
 * that size; libtpms accepts it). Then {@link ContextProtection#open}'s codes (TPM_RC_INSUFFICIENT
 * / TPM_RC_SIZE unpositioned, TPM_RC_SIZE / TPM_RC_INTEGRITY at parameter 1); for an object,
 * TPM_RC_HIERARCHY (parameter 1) when its hierarchy is disabled, TPM_RC_OBJECT_MEMORY when no slot
 * is free; for a session, TPM_RC_HANDLE (parameter 1) unless it is a saved session whose sequence
 * matches ({@link #loadSession}).
 */
public final class ContextLoad extends Command<SavedContext, Integer> {
    public ContextLoad() {
        super(CommandDescriptor.builder(TpmCc.CONTEXT_LOAD).responseHandle().noSessions().build());
    }

    @Override
    public SavedContext decode(int[] handles, TpmReader r) throws TpmException {
        int size = r.remaining();
        SavedContext c = SavedContext.read(r.param(1));
        if (r.hasRemaining() && size == ContextSizes.MAX_OBJECT_CONTEXT) {
            r.skip(r.remaining());
        }
        return c;
    }

    @Override
    public Integer execute(CommandContext ctx, SavedContext c) throws TpmException {
        TpmCore core = ctx.core();
        byte[] payload = ContextProtection.open(core, c);
        if (TpmHandles.type(c.savedHandle()) == TpmHandles.HT_TRANSIENT) {
            if (!core.isHierarchyEnabled(c.hierarchy())) {
                throw TpmException.parameter(1, TpmRc.HIERARCHY);
            }
            LoadedObject o;
            try {
                TpmReader r = new TpmReader(payload);
                o = ObjectKind.load(r);
                if (r.hasRemaining()) {
                    throw new TpmException(TpmRc.FAILURE);
                }
            } catch (TpmException e) {
                // Authentic but unreadable: written by an incompatible jvtpm version.
                throw new TpmException(TpmRc.FAILURE, "object context does not decode: " + e.getMessage());
            }
            if (core.objects.freeSlots() == 0) {
                o.release();
                throw new TpmException(TpmRc.OBJECT_MEMORY);
            }
            return core.objects.load(o);
        }
        return loadSession(core, c, payload);
    }

    /**
     * The extension point for session contexts: the session table checks that savedHandle is a
     * saved session whose sequence matches (else TPM_RC_HANDLE at parameter 1), restores it
     * (TPM_RC_SESSION_MEMORY, TPM_RC_CONTEXT_GAP) and returns its handle. Without HMAC/policy
     * sessions nothing is ever saved, so every session context is TPM_RC_HANDLE.
     */
    static int loadSession(TpmCore core, SavedContext c, byte[] payload) throws TpmException {
        throw TpmException.parameter(1, TpmRc.HANDLE);
    }

    @Override
    public int responseHandle(Integer handle) {
        return handle;
    }

    @Override
    public void encode(Integer out, TpmWriter w) {
    }
}
