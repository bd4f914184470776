package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.object.protect.PrivateBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.MessageDigest;

/**
 * TPM2_ObjectChangeAuth (Part 3 §12.8): a new private blob for a loaded object with newAuth as
 * its authValue; the loaded object keeps its old one. objectHandle needs ADMIN (a policy session
 * unless adminWithPolicy is clear). TPM_RC_SIZE (parameter 1) for newAuth over 64 bytes or, trailing
 * zeros removed, over the object's nameAlg digest; TPM_RC_TYPE (handle 1) for a sequence;
 * TPM_RC_TYPE (handle 2) when parentHandle is not the object's parent (checked through the
 * qualified name, as the reference does).
 */
public final class ObjectChangeAuth extends Command<ObjectChangeAuth.In, byte[]> {
    public record In(int objectHandle, int parentHandle, byte[] newAuth) {}

    public ObjectChangeAuth() {
        super(CommandDescriptor.builder(TpmCc.OBJECT_CHANGE_AUTH)
                .handle("objectHandle", HandleTypes.OBJECT, AuthRole.ADMIN)
                .handle("parentHandle", HandleTypes.OBJECT)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], handles[1], r.param(1).tpm2b(HashAlg.MAX_DIGEST_SIZE));
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject object = ((ObjectEntity) ctx.entity(0)).key();
        // A public-only object cannot be authorized for ADMIN; the check only guards the code below.
        if (object == null || object.publicOnly()) {
            throw TpmException.handle(1, TpmRc.TYPE);
        }
        HashAlg nameAlg = object.publicArea().nameHash();
        byte[] newAuth = ObjectValidation.adjustAuthSize(in.newAuth(), nameAlg);
        if (newAuth == null) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        ObjectEntity parentEntity = (ObjectEntity) ctx.entity(1);
        KeyObject parent = parentEntity.key();
        byte[] parentQn = parent == null ? new byte[0] : parent.qualifiedName();
        byte[] qn = nameAlg == null ? new byte[0] : ObjectName.qualified(core.crypto, nameAlg, parentQn, object.name());
        if (parent == null || parent.publicOnly() || !MessageDigest.isEqual(qn, object.qualifiedName())) {
            throw TpmException.handle(2, TpmRc.TYPE);
        }
        return new PrivateBlob(core.crypto).wrap(Protector.ofParent(parent.publicArea(), parent.sensitive()),
                object.name(), nameAlg, object.sensitive().withAuthValue(newAuth), core.random(16));
    }

    @Override
    public void encode(byte[] outPrivate, TpmWriter w) {
        w.tpm2b(outPrivate);
    }
}
