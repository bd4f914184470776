package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicyAuthValue (Part 3 §23.17): policyDigest := H(policyDigest ‖ TPM_CC_PolicyAuthValue); the authorized entity's
 * authValue then goes into the session's HMAC key (isAuthValueNeeded), replacing PolicyPassword.
 */
public final class PolicyAuthValue extends Command<Integer, Void> {
    public PolicyAuthValue() {
        super(CommandDescriptor.builder(TpmCc.POLICY_AUTH_VALUE)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public Void execute(CommandContext ctx, Integer policySession) {
        Session s = ctx.core().sessions().get(policySession);
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_AUTH_VALUE);
        s.authValueNeeded = true;
        s.passwordNeeded = false;
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
