package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_UndefineSpace (Part 3 §31.4): deletes an index with owner or platform authorization;
 * a deleted counter's value stays the floor for new counters. TPM_RC_ATTRIBUTES (handle 2) for
 * an index with POLICY_DELETE (that takes NV_UndefineSpaceSpecial); TPM_RC_NV_AUTHORIZATION when
 * the owner tries to delete a platform-created index (the platform may delete either).
 */
public final class NvUndefineSpace extends Command<NvUndefineSpace.In, Void> {
    public record In(int authHandle, int nvIndex) {}

    public NvUndefineSpace() {
        super(CommandDescriptor.builder(TpmCc.NV_UNDEFINE_SPACE)
                .handle("authHandle", HandleTypes.PROVISION, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) {
        return new In(handles[0], handles[1]);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        NvIndex idx = NvHandles.index(ctx, 1);
        if (idx.has(NvAttributes.POLICY_DELETE)) {
            throw TpmException.handle(2, TpmRc.ATTRIBUTES);
        }
        if (in.authHandle() == TpmHandles.RH_OWNER && idx.has(NvAttributes.PLATFORMCREATE)) {
            throw new TpmException(TpmRc.NV_AUTHORIZATION);
        }
        ctx.core().nv.delete(idx);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
