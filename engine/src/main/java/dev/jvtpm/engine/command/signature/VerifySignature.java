package dev.jvtpm.engine.command.signature;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.Signing;
import dev.jvtpm.engine.ticket.VerifiedTickets;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.Signature;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_VerifySignature (Part 3 §20.1): checks a signature over a digest with a loaded key (public
 * part suffices) and returns a TPMT_TK_VERIFIED. No authorization. Unmarshalling: TPM_RC_SIZE
 * (parameter 1) for a digest over 64 bytes; the signature at parameter 2 (TPM_RC_SCHEME, TPM_RC_HASH,
 * TPM_RC_SIZE, TPM_RC_INSUFFICIENT). Then: TPM_RC_ATTRIBUTES (handle 1) for a key without sign;
 * at parameter 2 TPM_RC_SCHEME for a signature of another key type, TPM_RC_SIGNATURE for one that
 * does not verify, TPM_RC_HANDLE for an HMAC key without its sensitive part. The ticket is NULL for a
 * key in TPM_RH_NULL or without a nameAlg.
 */
public final class VerifySignature extends Command<VerifySignature.In, Ticket> {
    public record In(int keyHandle, byte[] digest, Signature signature) {}

    public VerifySignature() {
        super(CommandDescriptor.builder(TpmCc.VERIFY_SIGNATURE).handle("keyHandle", HandleTypes.OBJECT).decrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] digest = r.param(1).tpm2b(ObjectLimits.DIGEST);
        Signature signature = Signature.read(r.param(2), false);
        return new In(handles[0], digest, signature);
    }

    @Override
    public Ticket execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || !key.has(ObjectAttributes.SIGN)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        try {
            new Signing(core.crypto).verify(key, in.digest(), in.signature());
        } catch (TpmException e) {
            throw e.atParameter(2);
        }
        if (key.hierarchy() == TpmHandles.RH_NULL || key.publicArea().nameHash() == null) {
            return Ticket.nullTicket(TpmSt.VERIFIED);
        }
        return VerifiedTickets.compute(core, key.hierarchy(), in.digest(), key.name());
    }

    @Override
    public void encode(Ticket out, TpmWriter w) {
        out.write(w);
    }
}
