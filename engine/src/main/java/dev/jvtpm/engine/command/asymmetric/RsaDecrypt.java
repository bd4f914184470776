package dev.jvtpm.engine.command.asymmetric;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.crypto.RsaPrivateKey;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import javax.crypto.BadPaddingException;

/**
 * TPM2_RSA_Decrypt (Part 3 §14.3): decrypts with an unrestricted RSA decrypt key. Unmarshalling as
 * TPM2_RSA_Encrypt (cipherText 1, inScheme 2, label 3). Then: TPM_RC_KEY (handle 1) for a key that
 * is not RSA; TPM_RC_ATTRIBUTES (handle 1) for a restricted key or one without decrypt;
 * TPM_RC_VALUE (parameter 3) for a label not ending in a NUL; TPM_RC_SCHEME (parameter 2) when
 * inScheme conflicts with the key's scheme; TPM_RC_SIZE (unpositioned) unless cipherText is the
 * modulus size; TPM_RC_FAILURE (unpositioned) when the padding does not decode or the value is
 * not below the modulus (libtpms maps OpenSSL's refusal so); TPM_RC_BINDING when the key's prime
 * does not divide its modulus.
 */
public final class RsaDecrypt extends Command<RsaDecrypt.In, byte[]> {
    public record In(int keyHandle, byte[] cipherText, Scheme inScheme, byte[] label) {}

    public RsaDecrypt() {
        super(CommandDescriptor.builder(TpmCc.RSA_DECRYPT).handle("keyHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] cipherText = r.param(1).tpm2b(ObjectLimits.RSA_KEY);
        Scheme scheme = Scheme.readRsaDecrypt(r.param(2), true);
        byte[] label = r.param(3).tpm2b(ObjectLimits.DATA);
        return new In(handles[0], cipherText, scheme, label);
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || key.type() != TpmAlgId.RSA) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        // A public-only key cannot be authorized for USER; the check guards the private-key use.
        if (key.has(ObjectAttributes.RESTRICTED) || !key.has(ObjectAttributes.DECRYPT) || key.publicOnly()) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        if (!RsaEncrypt.labelOk(in.label())) {
            throw TpmException.parameter(3, TpmRc.VALUE);
        }
        Scheme scheme = RsaEncrypt.select(key, in.inScheme());
        if (scheme == null) {
            throw TpmException.parameter(2, TpmRc.SCHEME);
        }
        if (in.cipherText().length != ((PublicId.Rsa) key.publicArea().unique()).modulus().length) {
            throw new TpmException(TpmRc.SIZE);
        }
        RsaPrivateKey k = key.keys(ctx.core().crypto).rsaPrivate();
        try {
            switch (scheme.selector()) {
                case TpmAlgId.OAEP:
                    return k.decryptOaep(scheme.hash(), in.label(), in.cipherText());
                case TpmAlgId.RSAES:
                    return k.decryptPkcs1(in.cipherText());
                case TpmAlgId.NULL:
                    return k.decryptRaw(in.cipherText());
                default:
                    throw new TpmException(TpmRc.SCHEME);
            }
        } catch (BadPaddingException e) {
            throw new TpmException(TpmRc.FAILURE, "RSA decryption failed");
        }
    }

    @Override
    public void encode(byte[] message, TpmWriter w) {
        w.tpm2b(message);
    }
}
