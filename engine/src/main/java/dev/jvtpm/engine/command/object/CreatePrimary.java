package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.derivation.CreatedObject;
import dev.jvtpm.engine.object.derivation.PrimaryDerivation;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.List;

/**
 * TPM2_CreatePrimary (Part 3 §24.1): derives a primary object from the seed of primaryHandle's
 * hierarchy (the null seed for TPM_RH_NULL, which makes a temporary object) and the template, and
 * loads it. Unmarshalling: TPM_RC_SIZE (parameter 1) for a malformed inSensitive; inPublic's
 * codes at parameter 2 (TPM_RC_TYPE, TPM_RC_HASH, TPM_RC_RESERVED_BITS, TPM_RC_SCHEME,
 * TPM_RC_SYMMETRIC, TPM_RC_MODE, TPM_RC_VALUE, TPM_RC_CURVE, TPM_RC_KDF, TPM_RC_SIZE);
 * TPM_RC_SIZE (parameter 3) for outsideInfo; TPM_RC_SIZE / TPM_RC_HASH / TPM_RC_VALUE (parameter 4)
 * for creationPCR. Then: TPM_RC_OBJECT_MEMORY when no slot is free; the CreateChecks codes at
 * inPublic (TPM_RC_ATTRIBUTES, TPM_RC_HASH, TPM_RC_SIZE, TPM_RC_SCHEME, TPM_RC_SYMMETRIC,
 * TPM_RC_KDF); TPM_RC_SIZE (parameter 1) for a userAuth longer than the nameAlg digest; from
 * creation, unpositioned: TPM_RC_RANGE (RSA exponent), TPM_RC_KEY_SIZE (symmetric key data),
 * TPM_RC_SIZE (HMAC key data), TPM_RC_NO_RESULT. A disabled hierarchy is TPM_RC_HIERARCHY at
 * handle 1 (EntityResolver).
 */
public final class CreatePrimary extends Command<CreatePrimary.In, CreatePrimary.Out> {
    public record In(int primaryHandle, SensitiveCreate inSensitive, PublicArea inPublic, byte[] outsideInfo,
                     List<PcrSelection> creationPcr) {}

    public record Out(int objectHandle, PublicArea outPublic, Creation creation, byte[] name) {}

    public CreatePrimary() {
        super(CommandDescriptor.builder(TpmCc.CREATE_PRIMARY)
                .handle("primaryHandle", HandleTypes.HIERARCHY_OR_NULL, AuthRole.USER)
                .responseHandle()
                .decrypt()
                .encrypt()
                .physicalPresence()
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

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        if (core.objects.freeSlots() == 0) {
            throw new TpmException(dev.jvtpm.engine.wire.TpmRc.OBJECT_MEMORY);
        }
        int hierarchy = in.primaryHandle();
        byte[] auth = new ObjectValidation(core.crypto).create(null, in.inPublic(), in.inSensitive(), 2, 1);
        SensitiveCreate sensitive = new SensitiveCreate(auth, in.inSensitive().data());
        List<byte[]> proofs = hierarchy == TpmHandles.RH_ENDORSEMENT
                ? List.of(core.gp.storageProof, core.gp.endorsementProof) : List.of();
        CreatedObject created = core.primaries.derive(PrimaryDerivation.Version.V1, core.primarySeed(hierarchy),
                in.inPublic(), sensitive, proofs);
        KeyObject object = KeyObject.primary(core.crypto, created.publicArea(), created.sensitive(), hierarchy);
        Creation creation = Creation.of(core, hierarchy, null, created.publicArea().nameHash(), in.creationPcr(),
                in.outsideInfo(), hierarchy, created.name());
        int handle = core.objects.load(object);
        return new Out(handle, created.publicArea(), creation, created.name());
    }

    @Override
    public int responseHandle(Out out) {
        return out.objectHandle();
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        out.outPublic().writeSized(w);
        out.creation().write(w);
        w.tpm2b(out.name());
    }
}
