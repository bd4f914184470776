package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.attest.AttestInfo;
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
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_GetTime (Part 3 §18.7): a TPMS_ATTEST of type TPM_ST_ATTEST_TIME with TPMS_TIME_INFO
 * (Time, and Clock, resetCount, restartCount, safe) and the firmware version, all in the clear:
 * the privacy administrator (endorsement authorization) lets them out, while the copies in the
 * TPMS_ATTEST header stay obfuscated for a signer outside the endorsement and platform
 * hierarchies. TPM_RC_KEY (handle 2) when signHandle cannot sign; TPM_RC_SCHEME (parameter 2)
 * when inScheme does not fit the key's scheme or both are NULL; TPM_RC_SCHEME (unpositioned) when
 * the chosen scheme is not one for the key's type; TPM_RC_VALUE when the key cannot sign the
 * digest.
 */
public final class GetTime extends Command<GetTime.In, AttestationSigner.Signed> {
    public record In(int signHandle, byte[] qualifyingData, Scheme inScheme) {}

    public GetTime() {
        super(CommandDescriptor.builder(TpmCc.GET_TIME)
                .handle("privacyAdminHandle", HandleTypes.ENDORSEMENT, AuthRole.USER)
                .handle("signHandle", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(AttestationSigner.MAX_DATA);
        return new In(handles[1], data, Scheme.readSig(r.param(2), true));
    }

    @Override
    public AttestationSigner.Signed execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        AttestationSigner.Signer signer = AttestationSigner.select(core, in.signHandle(), in.inScheme(), 2, 2);
        long time = core.clock.time();
        long clock = core.go.clock;
        int resetCount = (int) core.gp.resetCount;
        int restartCount = (int) core.gr.restartCount;
        boolean safe = core.go.clockSafe;
        long firmware = AttestInfo.firmwareVersion(core);
        return AttestationSigner.sign(core, signer, TpmSt.ATTEST_TIME, in.qualifyingData(),
                w -> w.u64(time).u64(clock).u32(resetCount).u32(restartCount).u8(safe ? 1 : 0).u64(firmware));
    }

    @Override
    public void encode(AttestationSigner.Signed out, TpmWriter w) {
        w.tpm2b(out.attest());
        out.signature().write(w);
    }
}
