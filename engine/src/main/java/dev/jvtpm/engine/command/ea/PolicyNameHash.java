package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicyNameHash (Part 3 §23.14): limits the policy to a set of handles:
 * policyDigest := H(policyDigest ‖ TPM_CC_PolicyNameHash ‖ nameHash). TPM_RC_SIZE (parameter 1)
 * for a nameHash that is not a digest of the session hash; TPM_RC_CPHASH when a cpHash,
 * nameHash or templateHash is already set.
 */
public final class PolicyNameHash extends Command<PolicyNameHash.In, Void> {
    public record In(int policySession, byte[] nameHash) {}

    public PolicyNameHash() {
        super(CommandDescriptor.builder(TpmCc.POLICY_NAME_HASH)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        Session s = ctx.core().sessions().get(in.policySession());
        if (in.nameHash().length != s.authHash.digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        if (s.u1.length != 0 || s.bound || s.cpHashDefined || s.templateSet) {
            throw new TpmException(TpmRc.CPHASH);
        }
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_NAME_HASH, in.nameHash());
        s.u1 = in.nameHash().clone();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
