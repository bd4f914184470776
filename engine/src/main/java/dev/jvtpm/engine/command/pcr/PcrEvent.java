package dev.jvtpm.engine.command.pcr;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.DigestValues;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * TPM2_PCR_Event (Part 3 §22.3): hashes eventData (TPM2B_EVENT, at most 1024 bytes, else
 * TPM_RC_SIZE at parameter 1) with every implemented hash, returns all the digests whatever the
 * allocation, and extends each allocated bank of pcrHandle with its digest. pcrHandle TPM_RH_NULL
 * only hashes. TPM_RC_LOCALITY when the PC Client attributes forbid extending the PCR from the
 * current locality; a state-saved PCR ends a pending orderly shutdown.
 */
public final class PcrEvent extends Command<PcrEvent.In, List<DigestValues.Digest>> {
    /** The largest TPM2B_EVENT. */
    public static final int MAX_EVENT = 1024;

    public record In(int pcrHandle, byte[] eventData) {}

    public PcrEvent() {
        super(CommandDescriptor.builder(TpmCc.PCR_EVENT)
                .handle("pcrHandle", HandleTypes.PCR_OR_NULL, AuthRole.USER)
                .nv()
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).tpm2b(MAX_EVENT));
    }

    @Override
    public List<DigestValues.Digest> execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        int pcr = in.pcrHandle();
        boolean extend = pcr != TpmHandles.RH_NULL;
        if (extend) {
            PcrUpdate.checkExtend(core, pcr);
        }
        List<DigestValues.Digest> digests = new ArrayList<>();
        for (HashAlg alg : HashAlg.values()) {
            byte[] digest = core.crypto.hash(alg, in.eventData());
            digests.add(new DigestValues.Digest(alg, digest));
            if (extend) {
                PcrUpdate.extend(core, pcr, alg, digest);
            }
        }
        return digests;
    }

    @Override
    public void encode(List<DigestValues.Digest> digests, TpmWriter w) {
        new DigestValues(digests).write(w);
    }
}
