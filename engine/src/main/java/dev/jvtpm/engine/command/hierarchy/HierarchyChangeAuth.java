package dev.jvtpm.engine.command.hierarchy;

import dev.jvtpm.engine.auth.PermanentEntity;
import dev.jvtpm.engine.auth.SessionProcessor;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_HierarchyChangeAuth (Part 3 §24.8): sets the authValue of the owner, endorsement,
 * platform or lockout hierarchy, stored with trailing zeros removed. newAuth is a TPM2B_AUTH of
 * at most 64 bytes (the size of the largest digest, which is also libtpms' context integrity
 * digest size), else TPM_RC_SIZE (parameter 1). ownerAuth, endorsementAuth and lockoutAuth are
 * persistent and written before the response; platformAuth lives until the next Startup(CLEAR),
 * so changing it ends a pending orderly shutdown instead.
 */
public final class HierarchyChangeAuth extends Command<HierarchyChangeAuth.In, Void> {
    public record In(int authHandle, byte[] newAuth) {}

    public HierarchyChangeAuth() {
        super(CommandDescriptor.builder(TpmCc.HIERARCHY_CHANGE_AUTH)
                .handle("authHandle", HandleTypes.HIERARCHY_AUTH, AuthRole.USER)
                .nv()
                .decrypt()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE));
    }

    @Override
    public Void execute(CommandContext ctx, In in) {
        byte[] auth = SessionProcessor.stripTrailingZeros(in.newAuth()).clone();
        PermanentEntity.of(ctx.core(), in.authHandle()).setAuthValue(auth);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
