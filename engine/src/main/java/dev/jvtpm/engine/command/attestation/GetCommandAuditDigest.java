package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.auth.CommandAudit;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_GetCommandAuditDigest (Part 3 §18.6): a TPMS_ATTEST of type TPM_ST_ATTEST_COMMAND_AUDIT
 * with the audit counter, the audit hash, the command audit digest and the digest of the list of
 * audited commands. A signed digest starts the audit digest again; an unsigned one (signHandle
 * TPM_RH_NULL) leaves it. TPM_RC_KEY (handle 2) for a signHandle that cannot sign; TPM_RC_SCHEME (parameter 2)
 * for a scheme the key does not allow.
 */
public final class GetCommandAuditDigest extends Command<GetCommandAuditDigest.In, AttestationSigner.Signed> {
    public record In(int signHandle, byte[] qualifyingData, Scheme inScheme) {}

    public GetCommandAuditDigest() {
        super(CommandDescriptor.builder(TpmCc.GET_COMMAND_AUDIT_DIGEST)
                .handle("privacyHandle", HandleTypes.ENDORSEMENT, AuthRole.USER)
                .handle("signHandle", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .nv()
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(AttestationSigner.MAX_DATA);
        Scheme scheme = Scheme.readSig(r.param(2), true);
        return new In(handles[1], data, scheme);
    }

    @Override
    public AttestationSigner.Signed execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        AttestationSigner.Signer signer = AttestationSigner.select(core, in.signHandle(), in.inScheme(), 2, 2);
        long counter = core.ga.auditCounter;
        int alg = core.ga.auditHashAlg.id();
        byte[] auditDigest = core.gr.commandAuditDigest.clone();
        byte[] commandDigest = CommandAudit.commandDigest(core);
        AttestationSigner.Signed out = AttestationSigner.sign(core, signer, TpmSt.ATTEST_COMMAND_AUDIT, in.qualifyingData(),
                w -> w.u64(counter).u16(alg).tpm2b(auditDigest).tpm2b(commandDigest));
        if (in.signHandle() != TpmHandles.RH_NULL) {
            core.gr.commandAuditDigest = new byte[0];
        }
        return out;
    }

    @Override
    public void encode(AttestationSigner.Signed out, TpmWriter w) {
        w.tpm2b(out.attest());
        out.signature().write(w);
    }
}
