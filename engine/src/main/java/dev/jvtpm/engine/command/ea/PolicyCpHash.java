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
 * TPM2_PolicyCpHash (Part 3 §23.13): limits the policy to one command with given handles and
 * parameters: policyDigest := H(policyDigest ‖ TPM_CC_PolicyCpHash ‖ cpHashA). TPM_RC_SIZE
 * (parameter 1) for a cpHashA that is not a digest of the session hash; TPM_RC_CPHASH when a
 * different cpHash, or a nameHash or templateHash, is already set.
 */
public final class PolicyCpHash extends Command<PolicyCpHash.In, Void> {
    public record In(int policySession, byte[] cpHashA) {}

    public PolicyCpHash() {
        super(CommandDescriptor.builder(TpmCc.POLICY_CP_HASH)
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
        if (in.cpHashA().length != s.authHash.digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        if (s.u1.length != 0 && (!s.cpHashDefined || !MessageDigest.isEqual(in.cpHashA(), s.u1))) {
            throw new TpmException(TpmRc.CPHASH);
        }
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_CP_HASH, in.cpHashA());
        s.u1 = in.cpHashA().clone();
        s.cpHashDefined = true;
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
