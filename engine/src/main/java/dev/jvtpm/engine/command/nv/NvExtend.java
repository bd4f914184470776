package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.nv.NvAccess;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_Extend (Part 3 §31.9): value := H_nameAlg(value ‖ data) for an extend index, starting
 * from zeros when unwritten. TPM_RC_NV_LOCKED, TPM_RC_NV_AUTHORIZATION as for NV_Write;
 * TPM_RC_ATTRIBUTES (handle 2) when the index is not an extend index; TPM_RC_SIZE (parameter 1)
 * for more than NV_BUFFER_MAX bytes of data.
 */
public final class NvExtend extends Command<NvExtend.In, Void> {
    public record In(int authHandle, int nvIndex, byte[] data) {}

    public NvExtend() {
        super(CommandDescriptor.builder(TpmCc.NV_EXTEND)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .nv()
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], handles[1], r.param(1).tpm2b(NvDefineSpace.NV_BUFFER_MAX));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        NvIndex idx = NvHandles.index(ctx, 1);
        NvHandles.require(NvAccess.write(in.authHandle(), idx));
        if (!NvAttributes.isExtend(idx.attributes())) {
            throw TpmException.handle(2, TpmRc.ATTRIBUTES);
        }
        int size = idx.nameAlg().digestSize();
        byte[] old = idx.has(NvAttributes.WRITTEN) ? idx.read(0, size) : new byte[size];
        ctx.core().nv.write(idx, 0, ctx.core().crypto.hash(idx.nameAlg(), old, in.data()));
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
