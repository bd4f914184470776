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
 * TPM2_NV_SetBits (Part 3 §31.10): ORs bits into a bit-field index (zero when unwritten).
 * TPM_RC_NV_LOCKED, TPM_RC_NV_AUTHORIZATION as for NV_Write; TPM_RC_ATTRIBUTES (handle 2) when
 * the index is not a bit field.
 */
public final class NvSetBits extends Command<NvSetBits.In, Void> {
    public record In(int authHandle, int nvIndex, long bits) {}

    public NvSetBits() {
        super(CommandDescriptor.builder(TpmCc.NV_SET_BITS)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .nv()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], handles[1], r.param(1).u64());
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        NvIndex idx = NvHandles.index(ctx, 1);
        NvHandles.require(NvAccess.write(in.authHandle(), idx));
        if (!NvAttributes.isBits(idx.attributes())) {
            throw TpmException.handle(2, TpmRc.ATTRIBUTES);
        }
        long old = idx.has(NvAttributes.WRITTEN) ? idx.readUint64() : 0;
        ctx.core().nv.writeUint64(idx, old | in.bits());
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
