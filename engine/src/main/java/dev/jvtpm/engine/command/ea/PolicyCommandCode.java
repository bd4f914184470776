package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.Tpm;
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
 * TPM2_PolicyCommandCode (Part 3 §23.11): limits the policy to one command:
 * policyDigest := H(policyDigest ‖ TPM_CC_PolicyCommandCode ‖ code). TPM_RC_VALUE (parameter 1)
 * when another command code is already set; TPM_RC_POLICY_CC (parameter 1) for a command this
 * TPM does not implement.
 */
public final class PolicyCommandCode extends Command<PolicyCommandCode.In, Void> {
    public record In(int policySession, int code) {}

    public PolicyCommandCode() {
        super(CommandDescriptor.builder(TpmCc.POLICY_COMMAND_CODE)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).u32());
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        Session s = ctx.core().sessions().get(in.policySession());
        if (s.commandCode != 0 && s.commandCode != in.code()) {
            throw TpmException.parameter(1, TpmRc.VALUE);
        }
        if (Tpm.commandTable().get(in.code()) == null) {
            throw TpmException.parameter(1, TpmRc.POLICY_CC);
        }
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_COMMAND_CODE, u32(in.code()));
        s.commandCode = in.code();
        return null;
    }

    static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
