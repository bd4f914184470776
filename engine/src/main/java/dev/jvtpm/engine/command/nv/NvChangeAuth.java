package dev.jvtpm.engine.command.nv;

import dev.jvtpm.engine.auth.SessionProcessor;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_ChangeAuth (Part 3 §31.15): replaces the index's authValue. The index authorizes in
 * the ADMIN role, which takes a policy session (with PolicyCommandCode(NV_ChangeAuth)); a
 * password or HMAC session is TPM_RC_AUTH_TYPE. TPM_RC_SIZE (parameter 1) for a newAuth longer
 * than the nameAlg digest once trailing zeros are removed.
 */
public final class NvChangeAuth extends Command<NvChangeAuth.In, Void> {
    public record In(int nvIndex, byte[] newAuth) {}

    public NvChangeAuth() {
        super(CommandDescriptor.builder(TpmCc.NV_CHANGE_AUTH)
                .handle("nvIndex", HandleTypes.NV_INDEX, AuthRole.ADMIN)
                .nv()
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        NvIndex idx = NvHandles.index(ctx, 0);
        byte[] auth = SessionProcessor.stripTrailingZeros(in.newAuth());
        if (auth.length > idx.nameAlg().digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        ctx.core().nv.changeAuth(idx, auth);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
