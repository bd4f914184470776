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
 * TPM2_PolicyPassword (Part 3 §23.18): policyDigest := H(policyDigest ‖ TPM_CC_PolicyAuthValue) - the same digest as
 * TPM2_PolicyAuthValue - but the authValue is then given in the clear as the session's HMAC
 * (isPasswordNeeded), replacing PolicyAuthValue.
 */
public final class PolicyPassword extends Command<Integer, Void> {
    public PolicyPassword() {
        super(CommandDescriptor.builder(TpmCc.POLICY_PASSWORD)
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
        s.passwordNeeded = true;
        s.authValueNeeded = false;
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
