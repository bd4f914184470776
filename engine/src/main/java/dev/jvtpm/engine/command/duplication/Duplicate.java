package dev.jvtpm.engine.command.duplication;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.protect.DuplicationBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.protect.SecretLabel;
import dev.jvtpm.engine.object.protect.SecretSharing;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Duplicate (Part 3 §13.1): the sensitive area of objectHandle (DUP role: always a policy
 * session with TPM_CC_Duplicate) wrapped for newParentHandle (or unwrapped for TPM_RH_NULL),
 * optionally inside an inner wrap. Unmarshalling: encryptionKeyIn (TPM_RC_SIZE, parameter 1),
 * symmetricAlg TPMT_SYM_DEF_OBJECT+ (parameter 2). Then: TPM_RC_ATTRIBUTES (handle 1) for an object
 * with fixedParent (a sequence answers TPM_RC_TYPE); TPM_RC_TYPE (handle 1) without nameAlg;
 * TPM_RC_TYPE (handle 2) when the new parent is not a storage key; for encryptedDuplication,
 * TPM_RC_SYMMETRIC (parameter 2) without inner wrap and TPM_RC_HIERARCHY (handle 2) for
 * TPM_RH_NULL; TPM_RC_SIZE (parameter 1) for a key given with a NULL symmetricAlg or of the wrong
 * size; secret sharing's codes (TPM_RC_KEY), unpositioned. Without encryptionKeyIn the TPM picks
 * the inner key and returns it.
 */
public final class Duplicate extends Command<Duplicate.In, Duplicate.Out> {
    public record In(int objectHandle, int newParentHandle, byte[] encryptionKeyIn, SymDefObject symmetricAlg) {}

    public record Out(byte[] encryptionKeyOut, byte[] duplicate, byte[] outSymSeed) {}

    public Duplicate() {
        super(CommandDescriptor.builder(TpmCc.DUPLICATE)
                .handle("objectHandle", HandleTypes.OBJECT, AuthRole.DUP)
                .handle("newParentHandle", HandleTypes.OBJECT_OR_NULL)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] key = r.param(1).tpm2b(ObjectLimits.DATA);
        SymDefObject sym = SymDefObject.read(r.param(2), true);
        return new In(handles[0], handles[1], key, sym);
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        KeyObject object = ((ObjectEntity) ctx.entity(0)).key();
        if (object == null) {
            throw TpmException.handle(1, TpmRc.TYPE);
        }
        if (object.has(ObjectAttributes.FIXED_PARENT)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        if (object.publicArea().nameHash() == null || object.publicOnly()) {
            throw TpmException.handle(1, TpmRc.TYPE);
        }
        boolean toNull = in.newParentHandle() == TpmHandles.RH_NULL;
        KeyObject newParent = toNull ? null : StorageKeys.storage(ctx.entity(1));
        if (!toNull && newParent == null) {
            throw TpmException.handle(2, TpmRc.TYPE);
        }
        if (object.has(ObjectAttributes.ENCRYPTED_DUPLICATION)) {
            if (in.symmetricAlg().isNull()) {
                throw TpmException.parameter(2, TpmRc.SYMMETRIC);
            }
            if (toNull) {
                throw TpmException.handle(2, TpmRc.HIERARCHY);
            }
        }
        byte[] innerKey = null;
        if (in.symmetricAlg().isNull()) {
            if (in.encryptionKeyIn().length != 0) {
                throw TpmException.parameter(1, TpmRc.SIZE);
            }
        } else {
            int keyBytes = in.symmetricAlg().keyBytes();
            if (in.encryptionKeyIn().length != 0 && in.encryptionKeyIn().length != keyBytes) {
                throw TpmException.parameter(1, TpmRc.SIZE);
            }
            innerKey = in.encryptionKeyIn().length != 0 ? in.encryptionKeyIn() : core.random(keyBytes);
        }
        Protector outer = null;
        byte[] outSymSeed = new byte[0];
        if (!toNull) {
            SecretSharing.Shared shared = new SecretSharing(core.crypto).encrypt(newParent.keys(core.crypto),
                    SecretLabel.DUPLICATE, core::randomFill);
            outer = Protector.ofSeed(shared.seed(), newParent.publicArea());
            outSymSeed = shared.encryptedSecret();
        }
        byte[] duplicate = new DuplicationBlob(core.crypto).wrap(outer, object.name(), object.publicArea().nameHash(),
                object.sensitive(), innerKey);
        return new Out(innerKey == null ? new byte[0] : innerKey, duplicate, outSymSeed);
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.encryptionKeyOut()).tpm2b(out.duplicate()).tpm2b(out.outSymSeed());
    }
}
