package dev.jvtpm.engine.command.context;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_FlushContext (Part 3 §28.4): removes a loaded transient object, or a loaded or saved
 * session (which also ends it being the exclusive audit session). flushHandle is a parameter, not a handle, and the command takes no sessions.
 * TPM_RC_VALUE (parameter 1) for a handle outside TPMI_DH_CONTEXT (transient handles of existing
 * slots, HMAC and policy session handles); TPM_RC_HANDLE (parameter 1) when nothing is loaded
 * (or saved) at that handle.
 */
public final class FlushContext extends Command<FlushContext.In, Void> {
    public record In(int flushHandle) {}

    public FlushContext() {
        super(CommandDescriptor.builder(TpmCc.FLUSH_CONTEXT).noSessions().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int h = r.param(1).u32();
        if (!HandleTypes.CONTEXT.accepts(h)) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(h);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        int h = in.flushHandle();
        if (TpmHandles.type(h) == TpmHandles.HT_TRANSIENT && core.objects.isPresent(h)) {
            core.objects.flush(h);
            return null;
        }
        if (TpmHandles.type(h) != TpmHandles.HT_TRANSIENT
                && (core.sessions().isLoaded(h) || core.sessions().isSaved(h))) {
            // The entry is flushed whatever kind of session holds it (SessionFlush).
            core.sessions().flush(h);
            return null;
        }
        throw TpmException.parameter(1, TpmRc.HANDLE);
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
