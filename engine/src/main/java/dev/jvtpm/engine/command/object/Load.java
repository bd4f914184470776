package dev.jvtpm.engine.command.object;

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
import dev.jvtpm.engine.object.validation.Parent;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Load (Part 3 §12.2): loads an object created under parentHandle from its public area and
 * private blob. TPM_RC_SIZE (parameter 1) for a TPM2B_PRIVATE over its maximum; inPublic's
 * unmarshal codes at parameter 2 (TPM_RC_HASH for a nameAlg of TPM_ALG_NULL).
 * Then, in the reference's order: TPM_RC_OBJECT_MEMORY when no slot is free; TPM_RC_SIZE
 * (parameter 1) for an empty inPrivate; TPM_RC_TYPE (handle 1) when the parent is not a storage
 * parent; TPM_RC_HASH (parameter 2) when inPublic has no nameAlg; the private blob's codes at
 * parameter 1 (TPM_RC_INSUFFICIENT, TPM_RC_SIZE, TPM_RC_INTEGRITY, TPM_RC_VALUE) or
 * TPM_RC_SENSITIVE; then ObjectLoad's validation (attribute and scheme codes at inPublic; key
 * checks at inPublic or inPrivate, TPM_RC_KEY_SIZE and TPM_RC_BINDING unpositioned).
 */
public final class Load extends Command<Load.In, Load.Out> {
    public record In(int parentHandle, byte[] inPrivate, PublicArea inPublic) {}

    public record Out(int objectHandle, byte[] name) {}

    public Load() {
        super(CommandDescriptor.builder(TpmCc.LOAD)
                .handle("parentHandle", HandleTypes.OBJECT, AuthRole.USER)
                .responseHandle()
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] inPrivate = r.param(1).tpm2b(ObjectLimits.PRIVATE);
        PublicArea inPublic = PublicArea.readSized(r.param(2), false);
        return new In(handles[0], inPrivate, inPublic);
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        if (core.objects.freeSlots() == 0) {
            throw new TpmException(TpmRc.OBJECT_MEMORY);
        }
        if (in.inPrivate().length == 0) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        KeyObject parent = Create.parent(ctx, 0);
        byte[] name = ObjectName.of(core.crypto, in.inPublic());
        if (name.length == 0) {
            throw TpmException.parameter(2, TpmRc.HASH);
        }
        SensitiveArea sensitive;
        try {
            sensitive = new PrivateBlob(core.crypto).unwrap(Protector.ofParent(parent.publicArea(), parent.sensitive()),
                    name, in.inPrivate());
        } catch (TpmException e) {
            throw e.atParameter(1);
        }
        new ObjectValidation(core.crypto).load(new Parent(parent.publicArea()), in.inPublic(), sensitive, 2, 1);
        int handle = core.objects.load(KeyObject.underParent(core.crypto, in.inPublic(), sensitive, parent));
        return new Out(handle, name);
    }

    @Override
    public int responseHandle(Out out) {
        return out.objectHandle();
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.name());
    }
}
