package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PCR_SetAuthPolicy (Part 3 §22.7), with platform authorization: sets the authPolicy of the
 * policy group pcrNum belongs to (PCR 20-22), kept in NV. TPM_RC_SIZE (parameter 1) when the
 * policy is not a digest of hashAlg (empty for TPM_ALG_NULL); TPM_RC_VALUE (parameter 3) for a
 * PCR in no policy group, or (when unmarshalling) above the last PCR; TPM_RC_HASH (parameter 2)
 * for an unimplemented hash.
 */
public final class PcrSetAuthPolicy extends Command<PcrSetAuthPolicy.In, Void> {
    /** hashAlg is null for TPM_ALG_NULL. */
    public record In(byte[] authPolicy, HashAlg hashAlg, int pcrNum) {}

    public PcrSetAuthPolicy() {
        super(CommandDescriptor.builder(TpmCc.PCR_SET_AUTH_POLICY)
                .handle("authHandle", HandleTypes.PLATFORM, AuthRole.USER)
                .nv()
                .decrypt()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] policy = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        HashAlg alg = HashAlg.read(r.param(2), true);
        TpmReader p3 = r.param(3);
        int pcr = p3.u32();
        if (Integer.compareUnsigned(pcr, PcrAttributes.PCR_COUNT - 1) > 0) {
            throw p3.fail(TpmRc.VALUE);
        }
        return new In(policy, alg, pcr);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        int size = in.hashAlg() == null ? 0 : in.hashAlg().digestSize();
        if (in.authPolicy().length != size) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        if (!PcrAttributes.inPolicyGroup(in.pcrNum())) {
            throw TpmException.parameter(3, TpmRc.VALUE);
        }
        ctx.core().gp.pcrPolicy = new HierarchyPolicy(in.hashAlg() == null ? TpmAlgId.NULL : in.hashAlg().id(),
                in.authPolicy().clone());
        ctx.core().markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
