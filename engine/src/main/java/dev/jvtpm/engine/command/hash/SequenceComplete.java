package dev.jvtpm.engine.command.hash;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.object.HashSequence;
import dev.jvtpm.engine.object.HmacSequence;
import dev.jvtpm.engine.object.SequenceObject;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.ticket.HashCheckTickets;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_SequenceComplete (Part 3 §17.6): adds buffer to a hash or HMAC sequence, returns the digest
 * (or HMAC) with a TPMT_TK_HASHCHECK for hierarchy (always NULL for an HMAC sequence), and flushes
 * the sequence. The ticket is NULL when hierarchy is
 * TPM_RH_NULL or the sequence's first block was not safe to ticket (shorter than four bytes or
 * starting with TPM_GENERATED_VALUE). TPM_RC_SIZE (parameter 1) for a buffer over 1024 bytes;
 * TPM_RC_VALUE (parameter 2) for a bad hierarchy; TPM_RC_MODE (handle 1) when sequenceHandle is
 * not a hash or HMAC sequence (an event sequence needs EventSequenceComplete).
 */
public final class SequenceComplete extends Command<SequenceComplete.In, SequenceComplete.Out> {
    public record In(int sequenceHandle, byte[] buffer, int hierarchy) {}

    public record Out(byte[] result, Ticket validation) {}

    public SequenceComplete() {
        super(CommandDescriptor.builder(TpmCc.SEQUENCE_COMPLETE)
                .handle("sequenceHandle", HandleTypes.OBJECT, AuthRole.USER)
                .flushed()
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] buffer = r.param(1).tpm2b(Hash.MAX_BUFFER);
        return new In(handles[0], buffer, Hash.readHierarchy(r.param(2)));
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        SequenceObject o = SequenceUpdate.sequence(ctx, 0, SequenceObject.class);
        if (o instanceof HmacSequence hmac) {
            byte[] result = hmac.complete(in.buffer());
            ctx.core().objects.flush(in.sequenceHandle());
            return new Out(result, Ticket.nullTicket(TpmSt.HASHCHECK));
        }
        if (!(o instanceof HashSequence seq)) {
            throw TpmException.handle(1, TpmRc.MODE);
        }
        HashSequence.Result done = seq.complete(in.buffer());
        Ticket ticket = HashCheckTickets.issue(ctx.core(), in.hierarchy(), done.ticketSafe(), seq.alg(),
                done.digest());
        ctx.core().objects.flush(in.sequenceHandle());
        return new Out(done.digest(), ticket);
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.result());
        out.validation().write(w);
    }
}
