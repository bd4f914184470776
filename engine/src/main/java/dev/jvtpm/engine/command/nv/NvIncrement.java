package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvAccess;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_Increment (Part 3 §31.8): adds one to a counter index. A counter's first value is one
 * more than the highest value any deleted counter reached, so counters never repeat. An orderly
 * counter counts in RAM and is saved every 256 increments and at Shutdown; after a crash it
 * resumes at the top of the saved value's 256-block. TPM_RC_NV_LOCKED, TPM_RC_NV_AUTHORIZATION
 * as for NV_Write; TPM_RC_ATTRIBUTES (handle 2) when the index is not a counter.
 */
public final class NvIncrement extends Command<NvIncrement.In, Void> {
    public record In(int authHandle, int nvIndex) {}

    public NvIncrement() {
        super(CommandDescriptor.builder(TpmCc.NV_INCREMENT)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .nv()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) {
        return new In(handles[0], handles[1]);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        NvIndex idx = NvHandles.index(ctx, 1);
        NvHandles.require(NvAccess.write(in.authHandle(), idx));
        if (!NvAttributes.isCounter(idx.attributes())) {
            throw TpmException.handle(2, TpmRc.ATTRIBUTES);
        }
        long value = idx.has(NvAttributes.WRITTEN) ? idx.readUint64() : core.nv.maxCounter();
        core.nv.writeCounter(idx, value + 1);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
