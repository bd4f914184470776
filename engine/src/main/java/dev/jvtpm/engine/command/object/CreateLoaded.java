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
import dev.jvtpm.engine.object.derivation.PrimaryDerivation;
import dev.jvtpm.engine.object.protect.PrivateBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.object.validation.Parent;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.List;

/**
 * TPM2_CreateLoaded (Part 3 §12.9): creates and loads an object in one step, under a storage
 * parent (also returned wrapped, as TPM2_Create does) or as a primary object of a hierarchy (as
 * TPM2_CreatePrimary, without creation data). inPublic is a TPM2B_TEMPLATE unmarshalled inside the
 * command: its codes (TPM_RC_TYPE, TPM_RC_HASH, TPM_RC_INSUFFICIENT, TPM_RC_SIZE for bytes left
 * over...) at parameter 2. Order: TPM_RC_TYPE (handle 1) when parentHandle is an object that is not
 * a storage parent; TPM_RC_OBJECT_MEMORY; the template; TPM_RC_SIZE (parameter 1) for a userAuth
 * longer than the nameAlg digest; CreateChecks at parameter 2; creation codes unpositioned.
 *
 * <p>Derived objects are not implemented: a keyed-hash derivation parent is answered as a TPM
 * without derivation answers for a key that is not a parent, TPM_RC_TYPE at handle 1.
 */
public final class CreateLoaded extends Command<CreateLoaded.In, CreateLoaded.Out> {
    public record In(int parentHandle, SensitiveCreate inSensitive, byte[] inPublic) {}

    public record Out(int objectHandle, byte[] outPrivate, PublicArea outPublic, byte[] name) {}

    public CreateLoaded() {
        super(CommandDescriptor.builder(TpmCc.CREATE_LOADED)
                .handle("parentHandle", HandleTypes.PARENT_OR_NULL, AuthRole.USER)
                .responseHandle()
                .decrypt()
                .encrypt()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        SensitiveCreate sensitive = SensitiveCreate.readSized(r.param(1));
        byte[] template = r.param(2).tpm2b(ObjectLimits.TEMPLATE);
        return new In(handles[0], sensitive, template);
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        boolean primary = TpmHandles.type(in.parentHandle()) == TpmHandles.HT_PERMANENT;
        KeyObject parent = null;
        if (!primary) {
            parent = ((ObjectEntity) ctx.entity(0)).key();
            if (parent == null || !parent.isParent()) {
                throw TpmException.handle(1, TpmRc.TYPE);
            }
        }
        if (core.objects.freeSlots() == 0) {
            throw new TpmException(TpmRc.OBJECT_MEMORY);
        }
        PublicArea template;
        try {
            TpmReader t = new TpmReader(in.inPublic());
            template = PublicArea.read(t, false);
            if (t.hasRemaining()) {
                throw new TpmException(TpmRc.SIZE);
            }
        } catch (TpmException e) {
            throw e.atParameter(2);
        }
        if (ObjectValidation.adjustAuthSize(in.inSensitive().userAuth(), template.nameHash()) == null) {
            throw TpmException.parameter(1, TpmRc.SIZE);
        }
        byte[] auth = new ObjectValidation(core.crypto).create(parent == null ? null : new Parent(parent.publicArea()),
                template, in.inSensitive(), 2, 1);
        SensitiveCreate sensitive = new SensitiveCreate(auth, in.inSensitive().data());
        if (primary) {
            int hierarchy = in.parentHandle();
            List<byte[]> proofs = hierarchy == TpmHandles.RH_ENDORSEMENT
                    ? List.of(core.gp.storageProof, core.gp.endorsementProof) : List.of();
            CreatedObject created = core.primaries.derive(PrimaryDerivation.Version.V1, core.primarySeed(hierarchy),
                    template, sensitive, proofs);
            int handle = core.objects.load(KeyObject.primary(core.crypto, created.publicArea(), created.sensitive(), hierarchy));
            return new Out(handle, new byte[0], created.publicArea(), created.name());
        }
        CreatedObject created = new ObjectFactory(core.crypto).createOrdinary(template, sensitive, core::randomFill,
                core.rsaKeys);
        byte[] outPrivate = new PrivateBlob(core.crypto).wrap(Protector.ofParent(parent.publicArea(), parent.sensitive()),
                created.name(), created.publicArea().nameHash(), created.sensitive(), core.random(16));
        int handle = core.objects.load(KeyObject.underParent(core.crypto, created.publicArea(), created.sensitive(), parent));
        return new Out(handle, outPrivate, created.publicArea(), created.name());
    }

    @Override
    public int responseHandle(Out out) {
        return out.objectHandle();
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.outPrivate());
        out.outPublic().writeSized(w);
        w.tpm2b(out.name());
    }
}
