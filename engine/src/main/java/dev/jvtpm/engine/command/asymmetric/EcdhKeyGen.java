package dev.jvtpm.engine.command.asymmetric;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.EcPoint;
import dev.jvtpm.engine.crypto.EccKeyPair;
import dev.jvtpm.engine.crypto.EccPrivateKey;
import dev.jvtpm.engine.crypto.InvalidPointException;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.PreparedKeys;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ECDH_KeyGen (Part 3 §14.4): an ephemeral key pair on the curve of an ECC key (public part
 * suffices, no authorization) and Z = d<sub>e</sub>·Q<sub>key</sub>. TPM_RC_KEY (handle 1) for a
 * key that is not ECC or whose point is not on its curve.
 */
public final class EcdhKeyGen extends Command<Integer, EcdhKeyGen.Out> {
    public record Out(EccPoint zPoint, EccPoint pubPoint) {}

    public EcdhKeyGen() {
        super(CommandDescriptor.builder(TpmCc.ECDH_KEYGEN).handle("keyHandle", HandleTypes.OBJECT).encrypt().build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public Out execute(CommandContext ctx, Integer handle) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || key.type() != TpmAlgId.ECC) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        CryptoSuite suite = ctx.core().crypto;
        PreparedKeys keys = key.keys(suite);
        EccKeyPair ephemeral = suite.ecc().generate(keys.curve());
        EcPoint z;
        try (EccPrivateKey e = suite.ecc().prepare(ephemeral)) {
            z = e.ecdh(keys.eccPoint());
        } catch (InvalidPointException e) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        EcPoint q = ephemeral.publicPoint();
        return new Out(new EccPoint(z.x(), z.y()), new EccPoint(q.x(), q.y()));
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        out.zPoint().writeSized(w);
        out.pubPoint().writeSized(w);
    }
}
