package dev.jvtpm.engine.command.symmetric;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.hash.Hash;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_HMAC (Part 3 §15.5): HMAC of buffer with an unrestricted keyed-hash signing key.
 *
 * <p>libtpms implements CMAC, so its command code 0x155 runs TPM2_MAC (§15.6), whose checks
 * are in another order and also admit SYMCIPHER keys (for CMAC); this TPM answers exactly as that,
 * without CMAC: hashAlg is a TPMI_ALG_MAC_SCHEME+ (a hash or NULL; TPM_RC_SYMMETRIC at parameter 2
 * otherwise) and {@link #hmacKey}'s checks follow. Unmarshalling: TPM_RC_SIZE (parameter 1) for a
 * buffer over 1024 bytes.
 */
public final class Hmac extends Command<Hmac.In, byte[]> {
    public record In(int handle, byte[] buffer, int hashAlg) {}

    public Hmac() {
        super(CommandDescriptor.builder(TpmCc.HMAC).handle("handle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] buffer = r.param(1).tpm2b(Hash.MAX_BUFFER);
        return new In(handles[0], buffer, readMacScheme(r.param(2)));
    }

    /** TPMI_ALG_MAC_SCHEME+ without CMAC: a hash or TPM_ALG_NULL, else TPM_RC_SYMMETRIC. */
    public static int readMacScheme(TpmReader r) throws TpmException {
        int alg = r.u16();
        if (alg != TpmAlgId.NULL && HashAlg.fromId(alg) == null) {
            throw r.fail(TpmRc.SYMMETRIC);
        }
        return alg;
    }

    /** The key of handle 1 and the hash to use, after {@link #hmacKey}'s checks. */
    public record MacKey(KeyObject key, HashAlg hash) {}

    /**
     * CryptSelectMac, then the key checks of TPM2_MAC / TPM2_MAC_Start, in their order:
     * TPM_RC_TYPE (handle 1) unless a KEYEDHASH or SYMCIPHER key (a sequence included);
     * TPM_RC_VALUE (parameter 2) when macScheme differs from the key's own or both are NULL;
     * TPM_RC_SCHEME (parameter 2) when the MAC does not fit the key (any SYMCIPHER key: this TPM
     * has no CMAC); TPM_RC_ATTRIBUTES (handle 1) for a restricted key; TPM_RC_KEY (handle 1)
     * without sign.
     */
    public static MacKey hmacKey(CommandContext ctx, int macScheme) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || (key.type() != TpmAlgId.KEYEDHASH && key.type() != TpmAlgId.SYMCIPHER)) {
            throw TpmException.handle(1, TpmRc.TYPE);
        }
        int own;
        if (key.type() == TpmAlgId.KEYEDHASH) {
            Scheme scheme = ((PublicParms.KeyedHash) key.publicArea().parameters()).scheme();
            own = scheme.isNull() ? TpmAlgId.NULL : scheme.hash().id();
        } else {
            own = ((PublicParms.SymCipher) key.publicArea().parameters()).sym().mode();
        }
        int mac = macScheme;
        if (mac != TpmAlgId.NULL) {
            if (own != TpmAlgId.NULL && mac != own) {
                throw TpmException.parameter(2, TpmRc.VALUE);
            }
        } else {
            if (own == TpmAlgId.NULL) {
                throw TpmException.parameter(2, TpmRc.VALUE);
            }
            mac = own;
        }
        HashAlg hash = HashAlg.fromId(mac);
        if (key.type() != TpmAlgId.KEYEDHASH || hash == null) {
            throw TpmException.parameter(2, TpmRc.SCHEME);
        }
        if (key.has(ObjectAttributes.RESTRICTED)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        // A public-only key cannot be authorized for USER; the check guards the key's use.
        if (!key.has(ObjectAttributes.SIGN) || key.publicOnly()) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        return new MacKey(key, hash);
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        MacKey k = hmacKey(ctx, in.hashAlg());
        return ctx.core().crypto.hmac(k.hash(), k.key().sensitive().sensitive(), in.buffer());
    }

    @Override
    public void encode(byte[] outHmac, TpmWriter w) {
        w.tpm2b(outHmac);
    }
}
