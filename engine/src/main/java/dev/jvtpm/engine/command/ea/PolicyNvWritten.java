package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PolicyNvWritten (Part 3 §23.20): the authorized NV index must (or must not) have been
 * written: policyDigest := H(policyDigest ‖ TPM_CC_PolicyNvWritten ‖ writtenSet). TPM_RC_VALUE
 * (parameter 1) for a writtenSet that contradicts an earlier one or is not a TPMI_YES_NO.
 */
public final class PolicyNvWritten extends Command<PolicyNvWritten.In, Void> {
    public record In(int policySession, boolean writtenSet) {}

    public PolicyNvWritten() {
        super(CommandDescriptor.builder(TpmCc.POLICY_NV_WRITTEN)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int yes = r.param(1).u8();
        if (yes > 1) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(handles[0], yes == 1);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        Session s = ctx.core().sessions().get(in.policySession());
        if (s.checkNvWritten && s.nvWrittenState != in.writtenSet()) {
            throw TpmException.parameter(1, TpmRc.VALUE);
        }
        s.checkNvWritten = true;
        s.nvWrittenState = in.writtenSet();
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_NV_WRITTEN,
                new byte[] {(byte) (in.writtenSet() ? 1 : 0)});
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
