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
 * TPM2_PolicyGetDigest (Part 3 §23.19): the current policyDigest of a policy or trial session.
 */
public final class PolicyGetDigest extends Command<Integer, byte[]> {
    public PolicyGetDigest() {
        super(CommandDescriptor.builder(TpmCc.POLICY_GET_DIGEST)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .encrypt()
                .build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public byte[] execute(CommandContext ctx, Integer policySession) {
        return ctx.core().sessions().get(policySession).policyDigest().clone();
    }

    @Override
    public void encode(byte[] policyDigest, TpmWriter w) {
        w.tpm2b(policyDigest);
    }
}
