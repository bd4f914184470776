package dev.jvtpm.engine.command.hash;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.symmetric.Hmac;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.HmacSequence;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.AlgSelectors;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_HMAC_Start (Part 3 §17.2): starts an HMAC sequence with an unrestricted keyed-hash signing
 * key; SequenceUpdate/SequenceComplete continue it (no ticket). Unmarshalling: TPM_RC_SIZE
 * (parameter 1) for auth over 64 bytes, TPM_RC_HASH (parameter 2). Then TPM2_HMAC's key and hash
 * checks (TPM_RC_TYPE, TPM_RC_ATTRIBUTES, TPM_RC_KEY at handle 1; TPM_RC_VALUE at parameter 2) and
 * TPM_RC_OBJECT_MEMORY when no slot is free.
 */
public final class HmacStart extends Command<HmacStart.In, Integer> {
    public record In(int handle, byte[] auth, int hashAlg) {}

    public HmacStart() {
        super(CommandDescriptor.builder(TpmCc.HMAC_START).handle("handle", HandleTypes.OBJECT, AuthRole.USER)
                .responseHandle().decrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] auth = r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE);
        return new In(handles[0], auth, AlgSelectors.hash(r.param(2), true));
    }

    @Override
    public Integer execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject key = Hmac.hmacKey(ctx);
        HashAlg alg = Hmac.hashFor(key, in.hashAlg());
        core.selfTest.ensureTested(alg.id());
        return core.objects.load(HmacSequence.start(alg, key.sensitive().sensitive(), in.auth()));
    }

    @Override
    public int responseHandle(Integer handle) {
        return handle;
    }

    @Override
    public void encode(Integer out, TpmWriter w) {
    }
}
