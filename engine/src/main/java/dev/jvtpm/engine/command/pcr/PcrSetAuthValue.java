package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.auth.SessionProcessor;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PCR_SetAuthValue (Part 3 §22.8), authorized by the PCR itself: sets the authValue of the
 * authorization group pcrHandle belongs to (PCR 20-22), without trailing zeros. The value lives
 * until the next Startup(CLEAR) or TPM2_Clear (it survives Shutdown(STATE)/Resume), so setting
 * it ends a pending orderly shutdown. TPM_RC_VALUE, with no handle or parameter number as in the
 * reference, for a PCR in no authorization group.
 */
public final class PcrSetAuthValue extends Command<PcrSetAuthValue.In, Void> {
    public record In(int pcrHandle, byte[] auth) {}

    public PcrSetAuthValue() {
        super(CommandDescriptor.builder(TpmCc.PCR_SET_AUTH_VALUE)
                .handle("pcrHandle", HandleTypes.PCR, AuthRole.USER)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        if (!PcrAttributes.inAuthGroup(in.pcrHandle())) {
            throw new TpmException(TpmRc.VALUE);
        }
        Lifecycle.clearOrderly(ctx.core());
        ctx.core().gc.pcrAuth = SessionProcessor.stripTrailingZeros(in.auth()).clone();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
