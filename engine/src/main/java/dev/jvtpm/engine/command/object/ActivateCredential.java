package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.protect.CredentialBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.protect.SecretLabel;
import dev.jvtpm.engine.object.protect.SecretSharing;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ActivateCredential (Part 3 §12.5): releases a credential made by TPM2_MakeCredential for
 * activateHandle (ADMIN) with the private part of keyHandle (USER). Unmarshalling: TPM_RC_SIZE for
 * credentialBlob (parameter 1) and secret (parameter 2). Then: TPM_RC_TYPE (handle 2) unless
 * keyHandle is a restricted RSA or ECC decrypt key; secret sharing's codes at parameter 2
 * (TPM_RC_SIZE, TPM_RC_VALUE, TPM_RC_INSUFFICIENT, TPM_RC_ECC_POINT; TPM_RC_SCHEME; TPM_RC_FAILURE
 * for an RSA secret that does not decrypt, and instead of TPM_RC_KEY, as in libtpms); the
 * credential blob's codes at parameter 1 (TPM_RC_INTEGRITY for a credential made for another name
 * or key, TPM_RC_INSUFFICIENT / TPM_RC_SIZE for a malformed blob).
 */
public final class ActivateCredential extends Command<ActivateCredential.In, byte[]> {
    public record In(int activateHandle, int keyHandle, byte[] credentialBlob, byte[] secret) {}

    public ActivateCredential() {
        super(CommandDescriptor.builder(TpmCc.ACTIVATE_CREDENTIAL)
                .handle("activateHandle", HandleTypes.OBJECT, AuthRole.ADMIN)
                .handle("keyHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] blob = r.param(1).tpm2b(ObjectLimits.ID_OBJECT);
        byte[] secret = r.param(2).tpm2b(ObjectLimits.ENCRYPTED_SECRET);
        return new In(handles[0], handles[1], blob, secret);
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject key = MakeCredential.credentialKey(ctx, 1);
        // A public-only key cannot be authorized for USER; the check guards the private-key use.
        if (key.publicOnly()) {
            throw TpmException.handle(2, TpmRc.TYPE);
        }
        byte[] activateName = ((ObjectEntity) ctx.entity(0)).name();
        byte[] seed;
        try {
            seed = new SecretSharing(core.crypto).decrypt(key.keys(core.crypto), null, SecretLabel.IDENTITY, in.secret());
        } catch (TpmException e) {
            if (e.rc() == TpmRc.KEY) {
                throw new TpmException(TpmRc.FAILURE);
            }
            throw e.atParameter(2);
        }
        try {
            return new CredentialBlob(core.crypto).unwrap(Protector.ofSeed(seed, key.publicArea()), activateName,
                    in.credentialBlob());
        } catch (TpmException e) {
            throw e.atParameter(1);
        }
    }

    @Override
    public void encode(byte[] certInfo, TpmWriter w) {
        w.tpm2b(certInfo);
    }
}
