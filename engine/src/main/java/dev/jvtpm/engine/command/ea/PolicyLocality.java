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
 * TPM2_PolicyLocality (Part 3 §23.8): limits the localities the command may come from:
 * policyDigest := H(policyDigest ‖ TPM_CC_PolicyLocality ‖ locality). Localities 0-4 are a bit
 * field that narrows with each call, extended localities (32-255) a single value. TPM_RC_RANGE
 * (parameter 1) for zero, for mixing the two kinds, for an empty intersection or a different
 * extended locality.
 */
public final class PolicyLocality extends Command<PolicyLocality.In, Void> {
    public record In(int policySession, int locality) {}

    public PolicyLocality() {
        super(CommandDescriptor.builder(TpmCc.POLICY_LOCALITY)
                .handle("policySession", HandleTypes.POLICY_SESSION)
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).u8());
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        Session s = ctx.core().sessions().get(in.policySession());
        int wanted = in.locality();
        int previous = s.commandLocality;
        if (wanted == 0) {
            throw TpmException.parameter(1, TpmRc.RANGE);
        }
        if (previous != 0 && (previous < 32) != (wanted < 32)) {
            throw TpmException.parameter(1, TpmRc.RANGE);
        }
        int setting;
        if (wanted < 32) {
            setting = (previous == 0 ? 0x1F : previous) & wanted;
            if (setting == 0) {
                throw TpmException.parameter(1, TpmRc.RANGE);
            }
        } else {
            if (previous != 0 && previous != wanted) {
                throw TpmException.parameter(1, TpmRc.RANGE);
            }
            setting = wanted;
        }
        s.extendPolicy(ctx.core().crypto.hasher(s.authHash), TpmCc.POLICY_LOCALITY, new byte[] {(byte) wanted});
        s.commandLocality = setting;
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
