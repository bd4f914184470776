package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.DigestValues;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PCR_Extend (Part 3 §22.2). pcrHandle TPM_RH_NULL is a successful no-op; TPM_RC_LOCALITY
 * when the PC Client attributes forbid extending that PCR from the current locality. Banks not
 * listed in digests are not extended; listed banks that are not allocated are skipped. Extending
 * a PCR saved by Shutdown(STATE) makes a pending orderly shutdown non-orderly.
 */
public final class PcrExtend extends Command<PcrExtend.In, Void> {
    public record In(int pcrHandle, DigestValues digests) {}

    public PcrExtend() {
        super(CommandDescriptor.builder(TpmCc.PCR_EXTEND)
                .handle("pcrHandle", HandleTypes.PCR_OR_NULL, AuthRole.USER)
                .nv()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], DigestValues.read(r.param(1)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        if (in.pcrHandle() == TpmHandles.RH_NULL) {
            return null;
        }
        TpmCore core = ctx.core();
        int pcr = in.pcrHandle();
        PcrUpdate.checkExtend(core, pcr);
        for (DigestValues.Digest d : in.digests().digests()) {
            PcrUpdate.extend(core, pcr, d.alg(), d.digest());
        }
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
