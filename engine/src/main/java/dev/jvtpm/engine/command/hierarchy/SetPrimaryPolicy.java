package dev.jvtpm.engine.command.hierarchy;

import dev.jvtpm.engine.auth.PermanentEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_SetPrimaryPolicy (Part 3 §24.3): sets the authPolicy of the owner, endorsement, platform
 * or lockout hierarchy, or clears it with an empty digest and TPM_ALG_NULL. The owner,
 * endorsement and lockout policies are persistent; the platform policy lasts until the next
 * Startup(CLEAR), so setting it ends a pending orderly shutdown instead. TPM_RC_SIZE (parameter 1)
 * when the digest is not of hashAlg's size; TPM_RC_HASH (parameter 2) for a hashAlg that is
 * neither an implemented hash nor TPM_ALG_NULL.
 */
public final class SetPrimaryPolicy extends Command<SetPrimaryPolicy.In, Void> {
    public record In(int authHandle, byte[] authPolicy, HashAlg hashAlg) {}

    public SetPrimaryPolicy() {
        super(CommandDescriptor.builder(TpmCc.SET_PRIMARY_POLICY)
                .handle("authHandle", HandleTypes.HIERARCHY_POLICY, AuthRole.USER)
                .nv()
                .decrypt()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] policy = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        return new In(handles[0], policy, HashAlg.read(r.param(2), true));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        int size = in.hashAlg() == null ? 0 : in.hashAlg().digestSize();
        if (in.authPolicy().length != size) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        HierarchyPolicy policy = new HierarchyPolicy(in.hashAlg() == null ? TpmAlgId.NULL : in.hashAlg().id(),
                in.authPolicy().clone());
        PermanentEntity.of(ctx.core(), in.authHandle()).setAuthPolicy(policy);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
