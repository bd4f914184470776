package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2B_ID_OBJECT, the credential blob of TPM2_MakeCredential / TPM2_ActivateCredential (Part 1
 * §24 "Credential Protection", Part 3 §12.5-12.6): the credential as a TPM2B_DIGEST under an
 * outer wrap without IV, keyed by the seed shared through the key's public part ("IDENTITY"
 * secret) and bound to the Name of the object the credential is for. libtpms
 * SecretToCredential / CredentialToSecret.
 */
public final class CredentialBlob {
    private final OuterWrap outer;

    public CredentialBlob(CryptoSuite suite) {
        this.outer = new OuterWrap(suite);
    }

    /** The credentialBlob for {@code credential} (at most the key's nameAlg digest size; the command checks). */
    public byte[] wrap(Protector key, byte[] objectName, byte[] credential) {
        return outer.produce(key, objectName, null, new TpmWriter(credential.length + 2).tpm2b(credential).toByteArray());
    }

    /**
     * The credential. Codes, bare (TPM2_ActivateCredential adds credentialBlob's position): outer
     * wrap codes, then TPM_RC_SIZE / TPM_RC_INSUFFICIENT from the TPM2B_DIGEST, TPM_RC_SIZE when
     * bytes are left after it.
     */
    public byte[] unwrap(Protector key, byte[] objectName, byte[] credentialBlob) throws TpmException {
        TpmReader r = new TpmReader(outer.unwrap(key, objectName, false, credentialBlob));
        byte[] credential = r.tpm2b(ObjectLimits.DIGEST);
        if (r.hasRemaining()) {
            throw new TpmException(TpmRc.SIZE);
        }
        return credential;
    }
}
