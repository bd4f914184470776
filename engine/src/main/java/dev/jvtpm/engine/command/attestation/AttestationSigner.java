package dev.jvtpm.engine.command.attestation;

import dev.jvtpm.engine.attest.AttestInfo;
import dev.jvtpm.engine.core.Lifecycle;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.LoadedObject;
import dev.jvtpm.engine.object.Signing;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.Signature;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.function.Consumer;

/**
 * The signing side shared by the attestation commands (Attest_spt.c): IsSigningObject,
 * CryptSelectSignScheme, FillInAttestInfo and SignAttestInfo. With signHandle TPM_RH_NULL the
 * attestation is unsigned (TPM_ALG_NULL signature), its signer is TPM_RH_NULL and its counters are
 * obfuscated; with a key, the signer is the key's qualified name, the counters are obfuscated
 * unless the key is in the endorsement or platform hierarchy, and the signature is over the
 * scheme hash of the marshalled TPMS_ATTEST.
 */
final class AttestationSigner {
    private AttestationSigner() {}

    /** TPM2B_DATA qualifyingData: at most sizeof(TPMT_HA) bytes (TPM_RC_SIZE otherwise). */
    static final int MAX_DATA = 66;

    record Signed(byte[] attest, Signature signature) {}

    /** The signer and the scheme it signs with (NULL for no signer). */
    record Signer(KeyObject key, Scheme scheme) {}

    /**
     * IsSigningObject (TPM_RC_KEY at handle {@code position} for an object without sign or a
     * symmetric cipher or sequence) and CryptSelectSignScheme (TPM_RC_SCHEME at parameter
     * {@code schemeParam}, also for a scheme of another key type).
     */
    static Signer select(TpmCore core, int signHandle, Scheme inScheme, int position, int schemeParam)
            throws TpmException {
        if (signHandle == TpmHandles.RH_NULL) {
            return new Signer(null, Scheme.NULL);
        }
        LoadedObject o = core.objects.get(signHandle);
        if (!(o instanceof KeyObject key) || !key.has(ObjectAttributes.SIGN) || key.type() == TpmAlgId.SYMCIPHER) {
            throw TpmException.handle(position, TpmRc.KEY);
        }
        Scheme scheme = Signing.selectScheme(key, inScheme);
        // CryptSelectSignScheme lets a key without a scheme take any input scheme and leaves a
        // mismatch to CryptSign (unpositioned TPM_RC_SCHEME), but swtpm 0.7.1/libtpms 0.9.2
        // answer TPM_RC_SCHEME at inScheme, before any command-specific check, as for TPM2_Sign.
        if (scheme == null || !Signing.schemeFits(key, scheme)) {
            throw TpmException.parameter(schemeParam, TpmRc.SCHEME);
        }
        return new Signer(key, scheme);
    }

    /** FillInAttestInfo and SignAttestInfo. */
    static Signed sign(TpmCore core, Signer signer, int type, byte[] qualifyingData, Consumer<TpmWriter> attested)
            throws TpmException {
        KeyObject key = signer.key();
        if (key == null) {
            byte[] nullName = new TpmWriter(4).u32(TpmHandles.RH_NULL).toByteArray();
            AttestInfo info = AttestInfo.fillIn(core, nullName, true, qualifyingData);
            return new Signed(info.marshal(type, attested), Signature.NULL);
        }
        boolean obfuscate = key.hierarchy() != TpmHandles.RH_ENDORSEMENT && key.hierarchy() != TpmHandles.RH_PLATFORM;
        AttestInfo info = AttestInfo.fillIn(core, key.qualifiedName(), obfuscate, qualifyingData);
        byte[] attest = info.marshal(type, attested);
        // qualifyingData went into extraData, so the signed digest is just H(attest).
        byte[] digest = core.crypto.hash(signer.scheme().hash(), attest);
        Signature signature = new Signing(core.crypto).sign(key, signer.scheme(), digest);
        // The signature shows Clock: the state in NV is no longer orderly (NvClearOrderly).
        Lifecycle.clearOrderly(core);
        return new Signed(attest, signature);
    }
}
