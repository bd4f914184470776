package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.ticket.CreationTickets;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_CertifyCreation (Part 3 §18.3): a TPMS_ATTEST of type TPM_ST_ATTEST_CREATION with the Name
 * of objectHandle (which needs no authorization) and the creationHash, once the creation ticket
 * proves that this TPM created the object with that creation data. TPM_RC_KEY (handle 1) when
 * signHandle cannot sign; TPM_RC_SCHEME (parameter 3) when inScheme does not fit the key's
 * scheme or both are NULL; TPM_RC_TICKET (parameter 4) when the ticket is not
 * HMAC(proof of its hierarchy, TPM_ST_CREATION ‖ Name ‖ creationHash); TPM_RC_SCHEME
 * (unpositioned) when the chosen scheme is not one for the key's type; TPM_RC_VALUE when the key
 * cannot sign the digest.
 */
public final class CertifyCreation extends Command<CertifyCreation.In, AttestationSigner.Signed> {
    public record In(int signHandle, int objectHandle, byte[] qualifyingData, byte[] creationHash, Scheme inScheme,
                     Ticket creationTicket) {}

    public CertifyCreation() {
        super(CommandDescriptor.builder(TpmCc.CERTIFY_CREATION)
                .handle("signHandle", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .handle("objectHandle", HandleTypes.OBJECT)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(AttestationSigner.MAX_DATA);
        byte[] creationHash = r.param(2).tpm2b(ObjectLimits.DIGEST);
        Scheme scheme = Scheme.readSig(r.param(3), true);
        Ticket ticket = Ticket.readCreation(r.param(4));
        return new In(handles[0], handles[1], data, creationHash, scheme, ticket);
    }

    @Override
    public AttestationSigner.Signed execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        AttestationSigner.Signer signer = AttestationSigner.select(core, in.signHandle(), in.inScheme(), 1, 3);
        byte[] name = core.objects.get(in.objectHandle()).name();
        if (!CreationTickets.isValid(core, in.creationTicket(), name, in.creationHash())) {
            throw TpmException.parameter(4, TpmRc.TICKET);
        }
        byte[] creationHash = in.creationHash();
        return AttestationSigner.sign(core, signer, TpmSt.ATTEST_CREATION, in.qualifyingData(),
                w -> w.tpm2b(name).tpm2b(creationHash));
    }

    @Override
    public void encode(AttestationSigner.Signed out, TpmWriter w) {
        w.tpm2b(out.attest());
        out.signature().write(w);
    }
}
