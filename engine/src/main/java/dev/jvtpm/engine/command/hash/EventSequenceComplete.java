package dev.jvtpm.engine.command.hash;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.pcr.PcrUpdate;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.EventSequence;
import dev.jvtpm.engine.pcr.DigestValues;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.List;

/**
 * TPM2_EventSequenceComplete (Part 3 §17.7): adds buffer to an event sequence, returns the digest
 * of every implemented hash, extends each allocated bank of pcrHandle (unless TPM_RH_NULL) with
 * its digest, and flushes the sequence. Both handles need authorization. TPM_RC_MODE (handle 2)
 * when sequenceHandle is not an event sequence; TPM_RC_LOCALITY when the PCR may not be extended
 * from the current locality; TPM_RC_SIZE (parameter 1) for a buffer over 1024 bytes.
 */
public final class EventSequenceComplete extends Command<EventSequenceComplete.In, List<DigestValues.Digest>> {
    public record In(int pcrHandle, int sequenceHandle, byte[] buffer) {}

    public EventSequenceComplete() {
        super(CommandDescriptor.builder(TpmCc.EVENT_SEQUENCE_COMPLETE)
                .handle("pcrHandle", HandleTypes.PCR_OR_NULL, AuthRole.USER)
                .handle("sequenceHandle", HandleTypes.OBJECT, AuthRole.USER)
                .nv()
                .flushed()
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], handles[1], r.param(1).tpm2b(Hash.MAX_BUFFER));
    }

    @Override
    public List<DigestValues.Digest> execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        EventSequence seq = SequenceUpdate.sequence(ctx, 1, EventSequence.class);
        boolean extend = in.pcrHandle() != TpmHandles.RH_NULL;
        if (extend) {
            PcrUpdate.checkExtend(core, in.pcrHandle());
        }
        List<DigestValues.Digest> digests = seq.complete(in.buffer());
        if (extend) {
            for (DigestValues.Digest d : digests) {
                PcrUpdate.extend(core, in.pcrHandle(), d.alg(), d.digest());
            }
        }
        core.objects.flush(in.sequenceHandle());
        return digests;
    }

    @Override
    public void encode(List<DigestValues.Digest> digests, TpmWriter w) {
        new DigestValues(digests).write(w);
    }
}
