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
 * Unmarshalling: TPM_RC_SIZE (parameter 1) for a buffer over 1024 bytes, TPM_RC_HASH (parameter 2)
 * for hashAlg. Then {@link #hmacKey}'s codes.
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
        int alg = dev.jvtpm.engine.types.object.AlgSelectors.hash(r.param(2), true);
        return new In(handles[0], buffer, alg);
    }

    /**
     * The checks TPM2_HMAC and TPM2_HMAC_Start (which lives with the sequence commands) share, in the reference's order: TPM_RC_TYPE
     * (handle 1) unless a KEYEDHASH (a sequence included); TPM_RC_ATTRIBUTES (handle 1) when
     * restricted; TPM_RC_KEY (handle 1) without sign; TPM_RC_VALUE (parameter 2) when hashAlg is
     * NULL for a key without scheme, or differs from the key's scheme hash. Returns the key and
     * the hash to use.
     */
    public static KeyObject hmacKey(CommandContext ctx) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || key.type() != TpmAlgId.KEYEDHASH) {
            throw TpmException.handle(1, TpmRc.TYPE);
        }
        if (key.has(ObjectAttributes.RESTRICTED)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        // A public-only key cannot be authorized for USER; the check guards the key's use.
        if (!key.has(ObjectAttributes.SIGN) || key.publicOnly()) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        return key;
    }

    /** The hash of an HMAC key's operation; see {@link #hmacKey}. */
    public static HashAlg hashFor(KeyObject key, int requested) throws TpmException {
        Scheme scheme = ((PublicParms.KeyedHash) key.publicArea().parameters()).scheme();
        int alg = requested;
        if (!scheme.isNull()) {
            int own = scheme.hash().id();
            alg = requested == TpmAlgId.NULL || requested == own ? own : TpmAlgId.NULL;
        }
        if (alg == TpmAlgId.NULL) {
            throw TpmException.parameter(2, TpmRc.VALUE);
        }
        return HashAlg.fromId(alg);
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        KeyObject key = hmacKey(ctx);
        HashAlg alg = hashFor(key, in.hashAlg());
        return ctx.core().crypto.hmac(alg, key.sensitive().sensitive(), in.buffer());
    }

    @Override
    public void encode(byte[] outHmac, TpmWriter w) {
        w.tpm2b(outHmac);
    }
}
