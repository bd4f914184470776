package dev.jvtpm.engine.command.nv;

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
 * TPM2_NV_Read (Part 3 §31.13): size bytes from offset, at most NV_BUFFER_MAX per call (clients
 * chunk larger indexes). TPM_RC_NV_LOCKED when read-locked; TPM_RC_NV_AUTHORIZATION when
 * owner/platform authorization lacks OWNERREAD/PPREAD or another index authorized;
 * TPM_RC_NV_UNINITIALIZED when never written; TPM_RC_VALUE (parameter 1) for a size over
 * NV_BUFFER_MAX, (parameter 2) for an offset past the end; TPM_RC_NV_RANGE when the range runs
 * past the end.
 */
public final class NvRead extends Command<NvRead.In, byte[]> {
    public record In(int authHandle, int nvIndex, int size, int offset) {}

    public NvRead() {
        super(CommandDescriptor.builder(TpmCc.NV_READ)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int size = r.param(1).u16();
        return new In(handles[0], handles[1], size, r.param(2).u16());
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        NvIndex idx = NvHandles.index(ctx, 1);
        NvHandles.require(NvAccess.read(in.authHandle(), idx));
        if (in.size() > NvDefineSpace.NV_BUFFER_MAX) {
            throw TpmException.parameter(1, TpmRc.VALUE);
        }
        if (in.offset() > idx.dataSize()) {
            throw TpmException.parameter(2, TpmRc.VALUE);
        }
        if (in.size() > idx.dataSize() - in.offset()) {
            throw new TpmException(TpmRc.NV_RANGE);
        }
        return idx.read(in.offset(), in.size());
    }

    @Override
    public void encode(byte[] data, TpmWriter w) {
        w.tpm2b(data);
    }
}
