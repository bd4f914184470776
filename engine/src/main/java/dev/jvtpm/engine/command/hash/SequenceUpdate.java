package dev.jvtpm.engine.command.hash;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.object.SequenceObject;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_SequenceUpdate (Part 3 §17.5): adds buffer (TPM2B_MAX_BUFFER, at most 1024 bytes, else
 * TPM_RC_SIZE at parameter 1) to a hash or event sequence, authorized with the sequence's
 * authValue. TPM_RC_MODE (handle 1) when sequenceHandle is not a sequence object; an unloaded
 * handle is TPM_RC_REFERENCE_H0.
 */
public final class SequenceUpdate extends Command<SequenceUpdate.In, Void> {
    public record In(int sequenceHandle, byte[] buffer) {}

    public SequenceUpdate() {
        super(CommandDescriptor.builder(TpmCc.SEQUENCE_UPDATE)
                .handle("sequenceHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).tpm2b(Hash.MAX_BUFFER));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        sequence(ctx, 0, SequenceObject.class).update(in.buffer());
        return null;
    }

    /** The loaded object of handle {@code i} as a {@code type}, else TPM_RC_MODE at that handle. */
    static <T extends LoadedObject> T sequence(CommandContext ctx, int i, Class<T> type) throws TpmException {
        LoadedObject o = ((ObjectEntity) ctx.entity(i)).object();
        if (!type.isInstance(o)) {
            throw TpmException.handle(i + 1, TpmRc.MODE);
        }
        return type.cast(o);
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
