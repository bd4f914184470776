package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.nv.NvDefineSpace;
import dev.jvtpm.engine.command.nv.NvHandles;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.nv.NvAccess;
import dev.jvtpm.engine.nv.NvIndex;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_NV_Certify (Part 3 §31.16): with a size or an offset, a TPMS_ATTEST of type
 * TPM_ST_ATTEST_NV with the index's Name, the offset and size bytes of its data; with both zero,
 * one of type TPM_ST_ATTEST_NV_DIGEST with the Name and the digest of all its data under the
 * scheme's hash (an empty digest for the unsigned form, whose scheme is NULL). authHandle
 * authorizes the read as for TPM2_NV_Read. TPM_RC_KEY (handle 1) when signHandle cannot sign;
 * TPM_RC_SCHEME (parameter 2) when inScheme does not fit the key's scheme or both are NULL;
 * TPM_RC_NV_LOCKED when read-locked; TPM_RC_NV_AUTHORIZATION when owner/platform authorization
 * lacks OWNERREAD/PPREAD or another index authorized; TPM_RC_NV_UNINITIALIZED when never written;
 * TPM_RC_NV_RANGE when offset + size runs past the data; TPM_RC_VALUE (parameter 3) for a size over
 * NV_BUFFER_MAX; TPM_RC_SCHEME (unpositioned) when the chosen scheme is not one for the key's
 * type; TPM_RC_VALUE when the key cannot sign the digest.
 */
public final class NvCertify extends Command<NvCertify.In, AttestationSigner.Signed> {
    public record In(int signHandle, int authHandle, byte[] qualifyingData, Scheme inScheme, int size, int offset) {}

    public NvCertify() {
        super(CommandDescriptor.builder(TpmCc.NV_CERTIFY)
                .handle("signHandle", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .handle("authHandle", HandleTypes.NV_AUTH, AuthRole.USER)
                .handle("nvIndex", HandleTypes.NV_INDEX)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(AttestationSigner.MAX_DATA);
        Scheme scheme = Scheme.readSig(r.param(2), true);
        int size = r.param(3).u16();
        int offset = r.param(4).u16();
        return new In(handles[0], handles[1], data, scheme, size, offset);
    }

    @Override
    public AttestationSigner.Signed execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        NvIndex idx = NvHandles.index(ctx, 2);
        AttestationSigner.Signer signer = AttestationSigner.select(core, in.signHandle(), in.inScheme(), 1, 2);
        NvHandles.require(NvAccess.read(in.authHandle(), idx));
        if (in.size() + in.offset() > idx.dataSize()) {
            throw new TpmException(TpmRc.NV_RANGE);
        }
        if (in.size() > NvDefineSpace.NV_BUFFER_MAX) {
            throw TpmException.parameter(3, TpmRc.VALUE);
        }
        byte[] name = idx.name(core.crypto);
        if (in.size() != 0 || in.offset() != 0) {
            byte[] contents = idx.read(in.offset(), in.size());
            int offset = in.offset();
            return AttestationSigner.sign(core, signer, TpmSt.ATTEST_NV, in.qualifyingData(),
                    w -> w.tpm2b(name).u16(offset).tpm2b(contents));
        }
        HashAlg hash = signer.scheme().hash();
        byte[] digest = hash == null ? new byte[0] : core.crypto.hash(hash, idx.read(0, idx.dataSize()));
        return AttestationSigner.sign(core, signer, TpmSt.ATTEST_NV_DIGEST, in.qualifyingData(),
                w -> w.tpm2b(name).tpm2b(digest));
    }

    @Override
    public void encode(AttestationSigner.Signed out, TpmWriter w) {
        w.tpm2b(out.attest());
        out.signature().write(w);
    }
}
