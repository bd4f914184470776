package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.pcr.CurrentPcrDigest;
import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.List;

/**
 * TPM2_Quote (Part 3 §18.4): a TPMS_ATTEST of type TPM_ST_ATTEST_QUOTE with the PCR selection
 * (unallocated PCRs removed) and the digest, under the signing scheme's hash, of the selected
 * PCR values. TPM_RC_KEY (handle 1) when signHandle cannot sign; TPM_RC_SCHEME (parameter 2) when
 * inScheme does not fit the key's scheme, and also when no hash results for the PCR digest - as
 * with signHandle TPM_RH_NULL, whose scheme is always NULL (libtpms checks this after
 * FillInAttestInfo). TPM_RC_SCHEME (unpositioned) when the chosen scheme is not one for the key's
 * type, TPM_RC_VALUE when the key cannot sign the digest (CryptSign).
 */
public final class Quote extends Command<Quote.In, AttestationSigner.Signed> {
    public record In(int signHandle, byte[] qualifyingData, Scheme inScheme, List<PcrSelection> pcrSelect) {}

    public Quote() {
        super(CommandDescriptor.builder(TpmCc.QUOTE)
                .handle("signHandle", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(AttestationSigner.MAX_DATA);
        Scheme scheme = Scheme.readSig(r.param(2), true);
        return new In(handles[0], data, scheme, PcrSelection.readList(r.param(3)));
    }

    @Override
    public AttestationSigner.Signed execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        AttestationSigner.Signer signer = AttestationSigner.select(core, in.signHandle(), in.inScheme(), 1, 2);
        if (signer.scheme().hash() == null) {
            throw TpmException.parameter(2, TpmRc.SCHEME);
        }
        CurrentPcrDigest pcrs = CurrentPcrDigest.compute(core.crypto, core.pcrs, signer.scheme().hash(), in.pcrSelect());
        return AttestationSigner.sign(core, signer, TpmSt.ATTEST_QUOTE, in.qualifyingData(), w -> {
            PcrSelection.writeList(w, pcrs.selection());
            w.tpm2b(pcrs.digest());
        });
    }

    @Override
    public void encode(AttestationSigner.Signed out, TpmWriter w) {
        w.tpm2b(out.attest());
        out.signature().write(w);
    }
}
