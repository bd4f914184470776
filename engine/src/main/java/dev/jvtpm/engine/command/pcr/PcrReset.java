package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PCR_Reset (Part 3 §22.8): sets pcrHandle to zero in every allocated bank. Only PCRs the
 * PC Client profile makes resettable from the current locality may be reset (16 and 23 from
 * 0-3, 20-22 from 2, 17-22 never by command because locality 4 is refused); otherwise
 * TPM_RC_LOCALITY. The PCR update counter counts one change.
 */
public final class PcrReset extends Command<PcrReset.In, Void> {
    public record In(int pcrHandle) {}

    public PcrReset() {
        super(CommandDescriptor.builder(TpmCc.PCR_RESET)
                .handle("pcrHandle", HandleTypes.PCR, AuthRole.USER)
                .nv()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) {
        return new In(handles[0]);
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        PcrUpdate.checkReset(core, in.pcrHandle());
        core.pcrs.resetToZero(in.pcrHandle());
        core.pcrChanged(in.pcrHandle());
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
