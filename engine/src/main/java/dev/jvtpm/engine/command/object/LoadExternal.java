package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_LoadExternal (Part 3 §12.3): loads a public key, or a key with its sensitive area (then
 * only into TPM_RH_NULL), that this TPM did not create. Unmarshalling: inPrivate (a zero size means
 * none) at parameter 1, inPublic at parameter 2 (nameAlg TPM_ALG_NULL allowed: the object then has
 * no Name), TPM_RC_VALUE (parameter 3) for a hierarchy outside TPMI_RH_HIERARCHY+. Then:
 * TPM_RC_OBJECT_MEMORY when no slot is free; TPM_RC_HIERARCHY (parameter 3) for a disabled
 * hierarchy, or a sensitive area outside TPM_RH_NULL; TPM_RC_ATTRIBUTES (parameter 2) for a
 * sensitive area with fixedTPM, fixedParent or restricted; then ObjectLoad's validation without
 * parent (scheme and attribute codes at inPublic; TPM_RC_TYPE / TPM_RC_SIZE / TPM_RC_KEY_SIZE at
 * inPrivate; TPM_RC_KEY / TPM_RC_VALUE / TPM_RC_ECC_POINT at inPublic; TPM_RC_BINDING and an ECC
 * scalar out of range, TPM_RC_KEY_SIZE, unpositioned).
 */
public final class LoadExternal extends Command<LoadExternal.In, LoadExternal.Out> {
    public record In(SensitiveArea inPrivate, PublicArea inPublic, int hierarchy) {}

    public record Out(int objectHandle, byte[] name) {}

    public LoadExternal() {
        super(CommandDescriptor.builder(TpmCc.LOAD_EXTERNAL).responseHandle().decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        SensitiveArea inPrivate = SensitiveArea.readSized(r.param(1));
        PublicArea inPublic = PublicArea.readSized(r.param(2), true);
        int hierarchy = r.param(3).u32();
        if (!HandleTypes.HIERARCHY_OR_NULL.accepts(hierarchy)) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(inPrivate, inPublic, hierarchy);
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        if (core.objects.freeSlots() == 0) {
            throw new TpmException(TpmRc.OBJECT_MEMORY);
        }
        if (!core.isHierarchyEnabled(in.hierarchy())) {
            throw TpmException.parameter(3, TpmRc.HIERARCHY);
        }
        if (in.inPrivate() != null && in.hierarchy() != TpmHandles.RH_NULL) {
            throw TpmException.parameter(3, TpmRc.HIERARCHY);
        }
        new ObjectValidation(core.crypto).loadExternal(in.inPublic(), in.inPrivate(), 2, 1);
        KeyObject object = KeyObject.external(core.crypto, in.inPublic(), in.inPrivate(), in.hierarchy());
        int handle = core.objects.load(object);
        return new Out(handle, object.name());
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
