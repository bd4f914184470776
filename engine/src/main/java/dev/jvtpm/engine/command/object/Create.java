package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.derivation.CreatedObject;
import dev.jvtpm.engine.object.derivation.ObjectFactory;
import dev.jvtpm.engine.object.protect.PrivateBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.object.validation.Parent;
import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.List;

/**
 * TPM2_Create (Part 3 §12.1): creates an ordinary object under a loaded parent and returns it
 * wrapped for that parent (not loaded). Parameters as TPM2_CreatePrimary's (inSensitive 1,
 * inPublic 2, outsideInfo 3, creationPCR 4). TPM_RC_TYPE (handle 1) when parentHandle is not a
 * storage parent (a sequence, a public-only or external object, a key that is not restricted
 * decrypt, a derivation parent); TPM_RC_OBJECT_MEMORY when no object slot is free (the reference
 * creates in a slot); the CreateChecks codes at inPublic, including the parent rules (fixedTPM,
 * encryptedDuplication, a fixedParent storage key's nameAlg and symmetric definition as its
 * parent's: TPM_RC_ATTRIBUTES, TPM_RC_HASH, TPM_RC_SYMMETRIC); TPM_RC_SIZE (parameter 1) for a
 * userAuth longer than the nameAlg digest; from creation, unpositioned: TPM_RC_RANGE,
 * TPM_RC_KEY_SIZE, TPM_RC_SIZE, TPM_RC_NO_RESULT.
 */
public final class Create extends Command<Create.In, Create.Out> {
    public record In(int parentHandle, SensitiveCreate inSensitive, PublicArea inPublic, byte[] outsideInfo,
                     List<PcrSelection> creationPcr) {}

    public record Out(byte[] outPrivate, PublicArea outPublic, Creation creation) {}

    public Create() {
        super(CommandDescriptor.builder(TpmCc.CREATE)
                .handle("parentHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        SensitiveCreate sensitive = SensitiveCreate.readSized(r.param(1));
        PublicArea template = PublicArea.readSized(r.param(2), false);
        byte[] outsideInfo = Creation.readOutsideInfo(r.param(3));
        List<PcrSelection> pcrs = PcrSelection.readList(r.param(4));
        return new In(handles[0], sensitive, template, outsideInfo, pcrs);
    }

    /** ObjectIsParent for handle {@code i}: an ordinary storage parent, else TPM_RC_TYPE at that handle. */
    public static KeyObject parent(CommandContext ctx, int i) throws TpmException {
        KeyObject parent = ((ObjectEntity) ctx.entity(i)).key();
        if (parent == null || !parent.isParent()) {
            throw TpmException.handle(i + 1, TpmRc.TYPE);
        }
        return parent;
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject parent = parent(ctx, 0);
        if (core.objects.freeSlots() == 0) {
            throw new TpmException(TpmRc.OBJECT_MEMORY);
        }
        byte[] auth = new ObjectValidation(core.crypto).create(new Parent(parent.publicArea()), in.inPublic(),
                in.inSensitive(), 2, 1);
        CreatedObject created = new ObjectFactory(core.crypto).createOrdinary(in.inPublic(),
                new SensitiveCreate(auth, in.inSensitive().data()), core::randomFill, core.rsaKeys);
        Creation creation = Creation.of(core, in.parentHandle(), parent, created.publicArea().nameHash(),
                in.creationPcr(), in.outsideInfo(), parent.hierarchy(), created.name());
        byte[] outPrivate = new PrivateBlob(core.crypto).wrap(Protector.ofParent(parent.publicArea(), parent.sensitive()),
                created.name(), created.publicArea().nameHash(), created.sensitive(), core.random(16));
        return new Out(outPrivate, created.publicArea(), creation);
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.outPrivate());
        out.outPublic().writeSized(w);
        out.creation().write(w);
    }
}
