package dev.jvtpm.engine.command.nv;

import static dev.jvtpm.engine.nv.NvAttributes.*;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.nv.NvAccess;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_WriteLock (Part 3 §31.11): sets TPMA_NV_WRITELOCKED until the next TPM Reset/Restart
 * (WRITE_STCLEAR) or for good once written (WRITEDEFINE). Locking an already locked index
 * succeeds. TPM_RC_NV_AUTHORIZATION when owner/platform authorization lacks
 * OWNERWRITE/PPWRITE or another index authorized; TPM_RC_ATTRIBUTES (handle 2) when the index
 * has neither WRITEDEFINE nor WRITE_STCLEAR.
 */
public final class NvWriteLock extends Command<NvWriteLock.In, Void> {
    public record In(int authHandle, int nvIndex) {}

    public NvWriteLock() {
        super(CommandDescriptor.builder(TpmCc.NV_WRITE_LOCK)
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
        NvIndex idx = NvHandles.index(ctx, 1);
        int rc = NvAccess.write(in.authHandle(), idx);
        if (rc == TpmRc.NV_AUTHORIZATION) {
            throw new TpmException(rc);
        }
        if (rc != TpmRc.SUCCESS) {
            return null; // already locked
        }
        int attrs = idx.attributes();
        if (!has(attrs, WRITEDEFINE) && !has(attrs, WRITE_STCLEAR)) {
            throw TpmException.handle(2, TpmRc.ATTRIBUTES);
        }
        ctx.core().nv.setAttributes(idx, attrs | WRITELOCKED);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
