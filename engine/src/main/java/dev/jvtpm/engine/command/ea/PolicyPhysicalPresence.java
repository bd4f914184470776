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
 * TPM2_PolicyPhysicalPresence (Part 3 §23.12): policyDigest := H(policyDigest ‖ TPM_CC_PolicyPhysicalPresence); the authorized
 * command then needs physical presence asserted (TPM_RC_PP otherwise).
 */
public final class PolicyPhysicalPresence extends Command<Integer, Void> {
    public PolicyPhysicalPresence() {
        super(CommandDescriptor.builder(TpmCc.POLICY_PHYSICAL_PRESENCE)
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
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_PHYSICAL_PRESENCE);
        s.ppRequired = true;
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
