package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.nv.NvPublic;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_ReadPublic (Part 3 §31.6): the index's public area with its current attributes and its
 * Name, which clients recompute and compare. No authorization; an undefined or hidden index is
 * TPM_RC_HANDLE (handle 1) from the dispatcher.
 */
public final class NvReadPublic extends Command<Integer, NvReadPublic.Out> {
    public record Out(NvPublic nvPublic, byte[] nvName) {}

    public NvReadPublic() {
        super(CommandDescriptor.builder(TpmCc.NV_READ_PUBLIC)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .encrypt()
                .build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public Out execute(CommandContext ctx, Integer nvIndex) {
        NvIndex idx = NvHandles.index(ctx, 0);
        NvPublic pub = idx.publicArea();
        return new Out(pub, pub.name(ctx.core().crypto));
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        out.nvPublic().writeSized(w);
        w.tpm2b(out.nvName());
    }
}
