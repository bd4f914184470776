package dev.jvtpm.engine.command.context;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.object.ObjectKind;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ContextSave (Part 3 §28.2): saves a loaded object or session as a protected TPMS_CONTEXT.
 * No sessions. TPM_RC_VALUE (handle 1) for a handle outside TPMI_DH_CONTEXT;
 * TPM_RC_REFERENCE_H0 when nothing is loaded there. An object stays loaded and its context can
 * be loaded any number of times; its sequence is the incremented objectContextID, its savedHandle
 * 0x80000000 (0x80000001 for a sequence, 0x80000002 for an stClear object) and its hierarchy the
 * object's. Session contexts are the session table's ({@link #saveSession}).
 */
public final class ContextSave extends Command<Integer, SavedContext> {
    public ContextSave() {
        super(CommandDescriptor.builder(TpmCc.CONTEXT_SAVE).handle("saveHandle", HandleTypes.CONTEXT).noSessions().build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public SavedContext execute(CommandContext ctx, Integer saveHandle) throws TpmException {
        TpmCore core = ctx.core();
        SavedContext saved;
        if (TpmHandles.type(saveHandle) == TpmHandles.HT_TRANSIENT) {
            saved = saveObject(core, ((ObjectEntity) ctx.entity(0)).object());
        } else {
            saved = saveSession(core, saveHandle);
        }
        // gr changed: a following Startup can no longer be orderly (g_clearOrderly).
        Lifecycle.clearOrderly(core);
        return saved;
    }

    static SavedContext saveObject(TpmCore core, LoadedObject o) throws TpmException {
        TpmWriter payload = new TpmWriter(1024);
        ObjectKind.save(o, payload);
        core.gr.objectContextId++;
        if (core.gr.objectContextId == 0) {
            throw new IllegalStateException("objectContextID wrapped");
        }
        long sequence = core.gr.objectContextId;
        int savedHandle;
        if (o instanceof KeyObject k) {
            savedHandle = k.is(KeyObject.ST_CLEAR) ? SavedContext.ST_CLEAR_OBJECT : SavedContext.OBJECT;
        } else {
            savedHandle = SavedContext.SEQUENCE;
        }
        int hierarchy = o.hierarchy();
        return new SavedContext(sequence, savedHandle, hierarchy,
                ContextProtection.seal(core, sequence, savedHandle, hierarchy, payload.toByteArray()));
    }

    /**
     * The extension point for session contexts: the session table assigns the 64-bit sequence
     * (tracking the 16-bit context gap, TPM_RC_CONTEXT_GAP / TPM_RC_TOO_MANY_CONTEXTS), serialises the
     * session, seals it with {@link ContextProtection#seal} in TPM_RH_NULL under the session handle,
     * and marks the session saved. Without HMAC/policy sessions no session is ever loaded, so the
     * handle resolution has already answered TPM_RC_REFERENCE_H0.
     */
    static SavedContext saveSession(TpmCore core, int handle) throws TpmException {
        throw new TpmException(TpmRc.REFERENCE_H0);
    }

    @Override
    public void encode(SavedContext out, TpmWriter w) {
        out.write(w);
    }
}
