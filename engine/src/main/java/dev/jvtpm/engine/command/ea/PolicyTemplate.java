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
import java.security.MessageDigest;

/**
 * TPM2_PolicyTemplate (Part 3 §23.21): limits the policy to creating objects from one template
 * (TPM2_Create, CreatePrimary, CreateLoaded): policyDigest := H(policyDigest ‖
 * TPM_CC_PolicyTemplate ‖ templateHash). TPM_RC_VALUE (parameter 1) for a different template
 * hash than already set; TPM_RC_CPHASH when a cpHash or nameHash is set; TPM_RC_SIZE
 * (parameter 1) for a templateHash that is not a digest of the session hash.
 */
public final class PolicyTemplate extends Command<PolicyTemplate.In, Void> {
    public record In(int policySession, byte[] templateHash) {}

    public PolicyTemplate() {
        super(CommandDescriptor.builder(TpmCc.POLICY_TEMPLATE)
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
        if (s.templateSet) {
            if (!MessageDigest.isEqual(in.templateHash(), s.u1)) {
                throw TpmException.parameter(1, TpmRc.VALUE);
            }
        } else if (s.u1.length != 0) {
            throw new TpmException(TpmRc.CPHASH);
        }
        if (in.templateHash().length != s.authHash.digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_TEMPLATE, in.templateHash());
        s.u1 = in.templateHash().clone();
        s.templateSet = true;
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
