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
 * TPM2_NV_ReadLock (Part 3 §31.14): sets TPMA_NV_READLOCKED until the next TPM Reset/Restart.
 * Locking a locked or an unwritten index succeeds. TPM_RC_NV_AUTHORIZATION when owner/platform
 * authorization lacks OWNERREAD/PPREAD or another index authorized; TPM_RC_ATTRIBUTES (handle 2)
 * when the index lacks READ_STCLEAR.
 */
public final class NvReadLock extends Command<NvReadLock.In, Void> {
    public record In(int authHandle, int nvIndex) {}

    public NvReadLock() {
        super(CommandDescriptor.builder(TpmCc.NV_READ_LOCK)
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
        int rc = NvAccess.read(in.authHandle(), idx);
        if (rc == TpmRc.NV_AUTHORIZATION) {
            throw new TpmException(rc);
        }
        if (rc == TpmRc.NV_LOCKED) {
            return null;
        }
        int attrs = idx.attributes();
        if (!has(attrs, READ_STCLEAR)) {
            throw TpmException.handle(2, TpmRc.ATTRIBUTES);
        }
        ctx.core().nv.setAttributes(idx, attrs | READLOCKED);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
