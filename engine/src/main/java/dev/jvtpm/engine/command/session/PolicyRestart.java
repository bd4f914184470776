package dev.jvtpm.engine.command.session;

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
 * TPM2_PolicyRestart (Part 3 §11.2): resets the policy of the session (digest, command code, locality, cpHash,
 * timeout, PCR check and flags) without changing its nonce or start time.
 */
public final class PolicyRestart extends Command<Integer, Void> {
    public PolicyRestart() {
        super(CommandDescriptor.builder(TpmCc.POLICY_RESTART)
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
        s.resetPolicy();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
