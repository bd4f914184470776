package dev.jvtpm.engine.command.asymmetric;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.PreparedKeys;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ECDH_ZGen (Part 3 §14.5): Z = d·inPoint with an unrestricted ECC decrypt key. Unmarshalling:
 * inPoint as TPM2B_ECC_POINT (TPM_RC_SIZE, parameter 1). Then: TPM_RC_KEY (handle 1) for a key that
 * is not ECC; TPM_RC_ATTRIBUTES (handle 1) for a restricted key or one without decrypt;
 * TPM_RC_SCHEME (handle 1) for a key whose scheme is neither ECDH nor NULL; TPM_RC_ECC_POINT
 * (parameter 1) when inPoint is not on the key's curve.
 */
public final class EcdhZGen extends Command<EcdhZGen.In, EccPoint> {
    public record In(int keyHandle, EccPoint inPoint) {}

    public EcdhZGen() {
        super(CommandDescriptor.builder(TpmCc.ECDH_ZGEN).handle("keyHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], EccPoint.readSized(r.param(1)));
    }

    @Override
    public EccPoint execute(CommandContext ctx, In in) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || key.type() != TpmAlgId.ECC) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        // A public-only key cannot be authorized for USER; the check guards the private-key use.
        if (key.has(ObjectAttributes.RESTRICTED) || !key.has(ObjectAttributes.DECRYPT) || key.publicOnly()) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        Scheme scheme = ((PublicParms.Ecc) key.publicArea().parameters()).scheme();
        if (scheme.selector() != TpmAlgId.ECDH && !scheme.isNull()) {
            throw TpmException.handle(1, TpmRc.SCHEME);
        }
        PreparedKeys keys = key.keys(ctx.core().crypto);
        try {
            EcPoint z = keys.eccPrivate().ecdh(PreparedKeys.toPoint(keys.curve(), in.inPoint().x(), in.inPoint().y()));
            return new EccPoint(z.x(), z.y());
        } catch (InvalidPointException e) {
            throw TpmException.parameter(1, TpmRc.ECC_POINT);
        }
    }

    @Override
    public void encode(EccPoint out, TpmWriter w) {
        out.writeSized(w);
    }
}
