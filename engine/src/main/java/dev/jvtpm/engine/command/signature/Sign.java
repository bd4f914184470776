package dev.jvtpm.engine.command.signature;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.Signing;
import dev.jvtpm.engine.ticket.HashCheckTickets;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.Signature;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;

/**
 * TPM2_Sign (Part 3 §20.2): signs a digest with a signing key. Unmarshalling: TPM_RC_SIZE
 * (parameter 1) for a digest over 64 bytes; inScheme at parameter 2 (TPM_RC_SCHEME, TPM_RC_HASH);
 * validation at parameter 3 (TPM_RC_VALUE, TPM_RC_TAG, TPM_RC_SIZE). Then: TPM_RC_KEY (handle 1)
 * for an object that is not a signing key (a SYMCIPHER, a sequence); TPM_RC_ATTRIBUTES (handle 1)
 * for an x509sign key; TPM_RC_SCHEME (parameter 2) when inScheme is incompatible with the key's
 * scheme or both are NULL; with a ticket, or always for a restricted key, TPM_RC_TICKET
 * (parameter 3) unless validation is this TPM's HASHCHECK for the digest (a restricted key signs
 * only digests the TPM computed over data not starting with TPM_GENERATED_VALUE); without one,
 * TPM_RC_SIZE (parameter 1) unless the digest has the scheme hash's size; TPM_RC_SCHEME
 * (unpositioned) when the scheme does not belong to the key's type.
 */
public final class Sign extends Command<Sign.In, Signature> {
    public record In(int keyHandle, byte[] digest, Scheme inScheme, Ticket validation) {}

    public Sign() {
        super(CommandDescriptor.builder(TpmCc.SIGN)
                .handle("keyHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] digest = r.param(1).tpm2b(ObjectLimits.DIGEST);
        Scheme scheme = Scheme.readSig(r.param(2), true);
        Ticket validation = Ticket.readHashcheck(r.param(3));
        return new In(handles[0], digest, scheme, validation);
    }

    @Override
    public Signature execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        // A public-only key cannot be authorized for USER; the check guards the private-key use.
        if (key == null || !key.has(ObjectAttributes.SIGN) || key.type() == TpmAlgId.SYMCIPHER || key.publicOnly()) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        if (key.has(ObjectAttributes.X509_SIGN)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        Scheme scheme = Signing.selectScheme(key, in.inScheme());
        if (scheme == null) {
            throw TpmException.parameter(2, TpmRc.SCHEME);
        }
        if (in.validation().digest().length != 0 || key.has(ObjectAttributes.RESTRICTED)) {
            Ticket expected = HashCheckTickets.compute(core, in.validation().hierarchy(), scheme.hash(), in.digest());
            if (!MessageDigest.isEqual(in.validation().digest(), expected.digest())) {
                throw TpmException.parameter(3, TpmRc.TICKET);
            }
        } else if (in.digest().length != scheme.hash().digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        return new Signing(core.crypto).sign(key, scheme, in.digest());
    }

    @Override
    public void encode(Signature out, TpmWriter w) {
        out.write(w);
    }
}
