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
 * TPM2_Shutdown (Part 3 §9.4). TPM_RC_VALUE (parameter 1) for an unknown type; TPM_RC_TYPE
 * (parameter 1) for Shutdown(STATE) after PCR_Allocate changed the banks.
 */
public final class Shutdown extends Command<Shutdown.In, Void> {
    public record In(int shutdownType) {}

    public Shutdown() {
        super(CommandDescriptor.builder(TpmCc.SHUTDOWN).nv().build());
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
        Lifecycle.shutdown(ctx.core(), in.shutdownType());
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
