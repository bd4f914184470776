package dev.jvtpm.engine.command.management;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_SetAlgorithmSet (Part 3 §26.3), with platform authorization: stores the vendor-defined
 * algorithm set selector that TPM_PT_ALGORITHM_SET reports. As in the reference it selects no
 * algorithms; any value is accepted. Returns no error of its own.
 */
public final class SetAlgorithmSet extends Command<Integer, Void> {
    public SetAlgorithmSet() {
        super(CommandDescriptor.builder(TpmCc.SET_ALGORITHM_SET)
                .handle("authHandle", HandleTypes.PLATFORM, AuthRole.USER)
                .nv()
                .build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) throws TpmException {
        return r.param(1).u32();
    }

    @Override
    public Void execute(CommandContext ctx, Integer algorithmSet) {
        ctx.core().gp.algorithmSet = algorithmSet;
        ctx.core().markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
