package dev.jvtpm.engine.command.asymmetric;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.crypto.RsaPublicKey;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.Arrays;

/**
 * TPM2_RSA_Encrypt (Part 3 §14.2): encrypts with the public part of an RSA decrypt key (no
 * authorization). Unmarshalling: message (TPM_RC_SIZE, parameter 1), inScheme TPMT_RSA_DECRYPT+
 * (TPM_RC_VALUE / TPM_RC_HASH, parameter 2), label TPM2B_DATA (TPM_RC_SIZE, parameter 3). Then:
 * TPM_RC_KEY (handle 1) for a key that is not RSA; TPM_RC_ATTRIBUTES (handle 1) without decrypt;
 * TPM_RC_VALUE (parameter 3) for a label not ending in a NUL; TPM_RC_SCHEME (parameter 2) when
 * inScheme conflicts with the key's scheme. Encryption (unpositioned): RSAES, OAEP (label with its
 * NUL as L) or raw RSAEP for a NULL scheme (leading zeros of message dropped; TPM_RC_VALUE when
 * longer than the modulus); a message too long for its padding, or a raw one not below the
 * modulus, is TPM_RC_FAILURE (libtpms hands these to OpenSSL, which refuses them so).
 */
public final class RsaEncrypt extends Command<RsaEncrypt.In, byte[]> {
    public record In(int keyHandle, byte[] message, Scheme inScheme, byte[] label) {}

    public RsaEncrypt() {
        super(CommandDescriptor.builder(TpmCc.RSA_ENCRYPT).handle("keyHandle", HandleTypes.OBJECT).decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] message = r.param(1).tpm2b(ObjectLimits.RSA_KEY);
        Scheme scheme = Scheme.readRsaDecrypt(r.param(2), true);
        byte[] label = r.param(3).tpm2b(ObjectLimits.DATA);
        return new In(handles[0], message, scheme, label);
    }

    /** IsLabelProperlyFormatted: empty, or ending in a NUL. */
    static boolean labelOk(byte[] label) {
        return label.length == 0 || label[label.length - 1] == 0;
    }

    /** CryptRsaSelectScheme: the scheme to use, or null when the input conflicts with the key's. */
    static Scheme select(KeyObject key, Scheme in) {
        Scheme own = ((dev.jvtpm.engine.types.object.PublicParms.Rsa) key.publicArea().parameters()).scheme();
        if (own.isNull()) {
            return in;
        }
        if (in.isNull()) {
            return own;
        }
        return own.selector() == in.selector() && own.hash() == in.hash() ? in : null;
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || key.type() != TpmAlgId.RSA) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        if (!key.has(ObjectAttributes.DECRYPT)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        if (!labelOk(in.label())) {
            throw TpmException.parameter(3, TpmRc.VALUE);
        }
        Scheme scheme = select(key, in.inScheme());
        if (scheme == null) {
            throw TpmException.parameter(2, TpmRc.SCHEME);
        }
        RsaPublicKey k = key.keys(ctx.core().crypto).rsaPublic();
        try {
            switch (scheme.selector()) {
                case TpmAlgId.OAEP:
                    return k.encryptOaep(scheme.hash(), in.label(), in.message());
                case TpmAlgId.RSAES:
                    return k.encryptPkcs1(in.message());
                case TpmAlgId.NULL: {
                    byte[] m = in.message();
                    int zeros = 0;
                    while (zeros < m.length && m[zeros] == 0) {
                        zeros++;
                    }
                    if (m.length - zeros > k.modulusBytes()) {
                        throw new TpmException(TpmRc.VALUE);
                    }
                    return k.encryptRaw(Arrays.copyOfRange(m, zeros, m.length));
                }
                default:
                    throw new TpmException(TpmRc.SCHEME);
            }
        } catch (IllegalArgumentException e) {
            throw new TpmException(TpmRc.FAILURE, e.getMessage());
        }
    }

    @Override
    public void encode(byte[] outData, TpmWriter w) {
        w.tpm2b(outData);
    }
}
