package dev.jvtpm.engine.command.hash;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.EventSequence;
import dev.jvtpm.engine.object.HashSequence;
import dev.jvtpm.engine.object.SequenceObject;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_HashSequenceStart (Part 3 §17.4): loads a hash sequence for hashAlg, or an event sequence
 * (every implemented hash) when hashAlg is TPM_ALG_NULL, authorized by auth (TPM2B_AUTH, at most
 * 64 bytes, else TPM_RC_SIZE at parameter 1). Returns the sequence's transient handle.
 * TPM_RC_HASH (parameter 2) for an unimplemented hashAlg; TPM_RC_OBJECT_MEMORY when every object
 * slot is taken.
 */
public final class HashSequenceStart extends Command<HashSequenceStart.In, Integer> {
    public record In(byte[] auth, HashAlg hashAlg) {}

    public HashSequenceStart() {
        super(CommandDescriptor.builder(TpmCc.HASH_SEQUENCE_START).decrypt().responseHandle().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] auth = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        return new In(auth, HashAlg.read(r.param(2), true));
    }

    @Override
    public Integer execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        SequenceObject seq;
        if (in.hashAlg() == null) {
            for (HashAlg alg : HashAlg.values()) {
                core.selfTest.ensureTested(alg.id());
            }
            seq = new EventSequence(in.auth());
        } else {
            core.selfTest.ensureTested(in.hashAlg().id());
            seq = new HashSequence(in.hashAlg(), in.auth());
        }
        return core.objects.load(seq);
    }

    @Override
    public int responseHandle(Integer sequenceHandle) {
        return sequenceHandle;
    }

    @Override
    public void encode(Integer out, TpmWriter w) {
    }
}
