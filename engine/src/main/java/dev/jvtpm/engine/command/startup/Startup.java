package dev.jvtpm.engine.command.startup;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Startup (Part 3 §9.3). TPM_RC_VALUE (parameter 1) for Startup(STATE) without a preceding
 * Shutdown(STATE) or with a different H-CRTM state; TPM_RC_LOCALITY from a locality other than 0
 * or 3, or for a Resume from a different startup locality; TPM_RC_INITIALIZE (by the dispatcher)
 * when already started.
 */
public final class Startup extends Command<Startup.In, Void> {
    public record In(int startupType) {}

    public Startup() {
        super(CommandDescriptor.builder(TpmCc.STARTUP).nv().noSessions().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int type = r.param(1).u16();
        if (type != TpmSu.CLEAR && type != TpmSu.STATE) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(type);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        Lifecycle.startup(ctx.core(), in.startupType());
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
