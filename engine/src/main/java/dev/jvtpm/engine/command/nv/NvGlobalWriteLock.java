package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_GlobalWriteLock (Part 3 §31.12): write-locks every index with TPMA_NV_GLOBALLOCK until
 * the next TPM Reset/Restart (or for good where WRITEDEFINE and written), with owner or
 * platform authorization. Returns no error of its own.
 */
public final class NvGlobalWriteLock extends Command<Integer, Void> {
    public NvGlobalWriteLock() {
        super(CommandDescriptor.builder(TpmCc.NV_GLOBAL_WRITE_LOCK)
                .handle("authHandle", HandleTypes.PROVISION, AuthRole.USER)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public Void execute(CommandContext ctx, Integer authHandle) {
        ctx.core().nv.setGlobalLock();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
