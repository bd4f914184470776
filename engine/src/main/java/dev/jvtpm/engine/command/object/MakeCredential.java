package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.auth.ObjectEntity;
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
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_MakeCredential (Part 3 §12.6): wraps a credential for the object named objectName, to be
 * released by TPM2_ActivateCredential with the private part of handle (a restricted asymmetric
 * decrypt key, typically an EK; its public part suffices). Unmarshalling: TPM_RC_SIZE for credential
 * (parameter 1, over 64 bytes) and objectName (parameter 2). Then: TPM_RC_TYPE (handle 1) unless
 * handle is an RSA or ECC restricted decrypt key; TPM_RC_SIZE (parameter 1) when credential is
 * longer than the key's nameAlg digest; secret sharing's codes (TPM_RC_KEY for an ECC key off its
 * curve), unpositioned.
 */
public final class MakeCredential extends Command<MakeCredential.In, MakeCredential.Out> {
    public record In(int handle, byte[] credential, byte[] objectName) {}

    public record Out(byte[] credentialBlob, byte[] secret) {}

    public MakeCredential() {
        super(CommandDescriptor.builder(TpmCc.MAKE_CREDENTIAL).handle("handle", HandleTypes.OBJECT).decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] credential = r.param(1).tpm2b(ObjectLimits.DIGEST);
        byte[] objectName = r.param(2).tpm2b(ObjectLimits.NAME);
        return new In(handles[0], credential, objectName);
    }

    /** A restricted RSA or ECC decrypt key, else TPM_RC_TYPE at handle {@code n}. */
    static KeyObject credentialKey(CommandContext ctx, int i) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(i)).key();
        if (key == null || (key.type() != TpmAlgId.RSA && key.type() != TpmAlgId.ECC)
                || !key.has(ObjectAttributes.DECRYPT) || !key.has(ObjectAttributes.RESTRICTED)) {
            throw TpmException.handle(i + 1, TpmRc.TYPE);
        }
        return key;
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject key = credentialKey(ctx, 0);
        if (in.credential().length > key.publicArea().nameHash().digestSize()) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        SecretSharing.Shared shared = new SecretSharing(core.crypto).encrypt(key.keys(core.crypto), SecretLabel.IDENTITY,
                core::randomFill);
        byte[] blob = new CredentialBlob(core.crypto).wrap(Protector.ofSeed(shared.seed(), key.publicArea()),
                in.objectName(), in.credential());
        return new Out(blob, shared.encryptedSecret());
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.credentialBlob()).tpm2b(out.secret());
    }
}
