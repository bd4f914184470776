package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.auth.Session;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_GetSessionAuditDigest (Part 3 §18.5): a TPMS_ATTEST of type TPM_ST_ATTEST_SESSION_AUDIT
 * with the session's audit digest and whether it is the exclusive audit session, signed by
 * signHandle (unsigned for TPM_RH_NULL). TPM_RC_KEY (handle 2) for a signHandle that cannot sign;
 * TPM_RC_SCHEME (parameter 2) for a scheme the key does not allow;
 * TPM_RC_TYPE (handle 3) when the session has not been used for audit.
 */
public final class GetSessionAuditDigest extends Command<GetSessionAuditDigest.In, AttestationSigner.Signed> {
    public record In(int signHandle, int sessionHandle, byte[] qualifyingData, Scheme inScheme) {}

    public GetSessionAuditDigest() {
        super(CommandDescriptor.builder(TpmCc.GET_SESSION_AUDIT_DIGEST)
                .handle("privacyAdminHandle", HandleTypes.ENDORSEMENT, AuthRole.USER)
                .handle("signHandle", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .handle("sessionHandle", HandleTypes.HMAC_SESSION)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(AttestationSigner.MAX_DATA);
        Scheme scheme = Scheme.readSig(r.param(2), true);
        return new In(handles[1], handles[2], data, scheme);
    }

    @Override
    public AttestationSigner.Signed execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        Session session = core.sessions().get(in.sessionHandle());
        AttestationSigner.Signer signer = AttestationSigner.select(core, in.signHandle(), in.inScheme(), 2, 2);
        if (!session.audit) {
            throw TpmException.handle(3, TpmRc.TYPE);
        }
        boolean exclusive = core.sessions().exclusiveAudit() == in.sessionHandle();
        byte[] digest = session.auditDigest().clone();
        return AttestationSigner.sign(core, signer, TpmSt.ATTEST_SESSION_AUDIT, in.qualifyingData(),
                w -> w.u8(exclusive ? 1 : 0).tpm2b(digest));
    }

    @Override
    public void encode(AttestationSigner.Signed out, TpmWriter w) {
        w.tpm2b(out.attest());
        out.signature().write(w);
    }
}
