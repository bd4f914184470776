package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Certify (Part 3 §18.2): a TPMS_ATTEST of type TPM_ST_ATTEST_CERTIFY with the Name and the
 * qualified Name of objectHandle, which needs ADMIN authorization (so a policy object certifies
 * only with a PolicyCommandCode(Certify) policy). TPM_RC_KEY (handle 2) when signHandle cannot
 * sign; TPM_RC_SCHEME (parameter 2) when inScheme does not fit the key's scheme or both are NULL;
 * TPM_RC_SCHEME (unpositioned) when the chosen scheme is not one for the key's type;
 * TPM_RC_VALUE when the key cannot sign the digest.
 */
public final class Certify extends Command<Certify.In, AttestationSigner.Signed> {
    public record In(int objectHandle, int signHandle, byte[] qualifyingData, Scheme inScheme) {}

    public Certify() {
        super(CommandDescriptor.builder(TpmCc.CERTIFY)
                .handle("objectHandle", HandleTypes.OBJECT, AuthRole.ADMIN)
                .handle("signHandle", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(AttestationSigner.MAX_DATA);
        return new In(handles[0], handles[1], data, Scheme.readSig(r.param(2), true));
    }

    @Override
    public AttestationSigner.Signed execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        AttestationSigner.Signer signer = AttestationSigner.select(core, in.signHandle(), in.inScheme(), 2, 2);
        LoadedObject certified = core.objects.get(in.objectHandle());
        byte[] name = certified.name();
        // A sequence object has neither a Name nor a qualified Name (both empty in libtpms).
        byte[] qualifiedName = certified instanceof KeyObject key ? key.qualifiedName() : new byte[0];
        return AttestationSigner.sign(core, signer, TpmSt.ATTEST_CERTIFY, in.qualifyingData(),
                w -> w.tpm2b(name).tpm2b(qualifiedName));
    }

    @Override
    public void encode(AttestationSigner.Signed out, TpmWriter w) {
        w.tpm2b(out.attest());
        out.signature().write(w);
    }
}
