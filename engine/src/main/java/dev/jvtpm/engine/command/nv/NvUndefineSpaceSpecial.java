package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_UndefineSpaceSpecial (Part 3 §31.5): deletes a POLICY_DELETE index, authorized by the
 * index in the ADMIN role — which always takes a policy session satisfying the index's
 * authPolicy (with TPM2_PolicyCommandCode(NV_UndefineSpaceSpecial)); a password or HMAC session
 * is TPM_RC_AUTH_TYPE — and by the platform. TPM_RC_ATTRIBUTES (handle 1) when the index does
 * not have POLICY_DELETE.
 */
public final class NvUndefineSpaceSpecial extends Command<NvUndefineSpaceSpecial.In, Void> {
    public record In(int nvIndex, int platform) {}

    public NvUndefineSpaceSpecial() {
        super(CommandDescriptor.builder(TpmCc.NV_UNDEFINE_SPACE_SPECIAL)
                .handle("nvIndex", HandleTypes.NV_INDEX, AuthRole.ADMIN)
                .handle("platform", HandleTypes.PLATFORM, AuthRole.USER)
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
        NvIndex idx = NvHandles.index(ctx, 0);
        if (!idx.has(NvAttributes.POLICY_DELETE)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        ctx.core().nv.delete(idx);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
