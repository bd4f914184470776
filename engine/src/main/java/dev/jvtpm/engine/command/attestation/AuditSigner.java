package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.attest.AttestInfo;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.object.SequenceObject;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.Signature;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.function.Consumer;

/**
 * The signing side shared by the audit attestation commands (Attest_spt.c): IsSigningObject,
 * CryptSelectSignScheme, FillInAttestInfo and SignAttestInfo. With signHandle TPM_RH_NULL the
 * attestation is unsigned (TPM_ALG_NULL signature), its signer is TPM_RH_NULL and its counters are
 * obfuscated. The objects a TPM can load today (hash and event sequences) cannot sign:
 * TPM_RC_KEY at the signHandle's position.
 */
final class AuditSigner {
    private AuditSigner() {}

    record Signed(byte[] attest, Signature signature) {}

    /** IsSigningObject and CryptSelectSignScheme for {@code signHandle}, at handle {@code position}. */
    static void check(TpmCore core, int signHandle, Scheme inScheme, int position) throws TpmException {
        if (signHandle == TpmHandles.RH_NULL) {
            return;
        }
        LoadedObject o = core.objects.get(signHandle);
        if (o instanceof SequenceObject) {
            throw TpmException.handle(position, TpmRc.KEY);
        }
        throw new IllegalStateException("no signing key type is loadable yet: " + o);
    }

    /** FillInAttestInfo and SignAttestInfo for an unsigned attestation (signHandle TPM_RH_NULL). */
    static Signed sign(TpmCore core, int type, byte[] qualifyingData, Consumer<TpmWriter> attested) {
        byte[] signer = {(byte) (TpmHandles.RH_NULL >>> 24), (byte) (TpmHandles.RH_NULL >>> 16),
            (byte) (TpmHandles.RH_NULL >>> 8), (byte) TpmHandles.RH_NULL};
        AttestInfo info = AttestInfo.fillIn(core, signer, true, qualifyingData);
        return new Signed(info.marshal(type, attested), Signature.NULL);
    }
}
