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
 * TPM2_NV_Write (Part 3 §31.7): writes data at offset of an ordinary or PIN index, setting
 * TPMA_NV_WRITTEN (and with it the Name) on the first write. TPM_RC_NV_LOCKED when write-locked;
 * TPM_RC_NV_AUTHORIZATION when owner/platform authorization lacks OWNERWRITE/PPWRITE or another
 * index authorized; TPM_RC_ATTRIBUTES for a counter, bit field or extend index; TPM_RC_VALUE
 * (parameter 2) for an offset past the end; TPM_RC_NV_RANGE for data running past the end, or
 * not covering the whole index when WRITEALL is set; TPM_RC_SIZE (parameter 1) for more than
 * NV_BUFFER_MAX bytes of data.
 */
public final class NvWrite extends Command<NvWrite.In, Void> {
    public record In(int authHandle, int nvIndex, byte[] data, int offset) {}

    public NvWrite() {
        super(CommandDescriptor.builder(TpmCc.NV_WRITE)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .nv()
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(NvDefineSpace.NV_BUFFER_MAX);
        return new In(handles[0], handles[1], data, r.param(2).u16());
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        NvIndex idx = NvHandles.index(ctx, 1);
        NvHandles.require(NvAccess.write(in.authHandle(), idx));
        int attrs = idx.attributes();
        if (isCounter(attrs) || isBits(attrs) || isExtend(attrs)) {
            throw new TpmException(TpmRc.ATTRIBUTES);
        }
        if (in.offset() > idx.dataSize()) {
            throw TpmException.parameter(2, TpmRc.VALUE);
        }
        if (in.data().length > idx.dataSize() - in.offset()
                || (has(attrs, WRITEALL) && in.data().length < idx.dataSize())) {
            throw new TpmException(TpmRc.NV_RANGE);
        }
        ctx.core().nv.write(idx, in.offset(), in.data());
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
