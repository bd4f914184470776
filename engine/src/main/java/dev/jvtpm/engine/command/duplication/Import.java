package dev.jvtpm.engine.command.duplication;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.object.Create;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.object.protect.DuplicationBlob;
import dev.jvtpm.engine.object.protect.PrivateBlob;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.protect.SecretLabel;
import dev.jvtpm.engine.object.protect.SecretSharing;
import dev.jvtpm.engine.object.validation.ObjectValidation;
import dev.jvtpm.engine.object.validation.Parent;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Import (Part 3 §13.3): re-wraps a duplicated object for parentHandle, which may then load
 * it. Parameters encryptionKey (1), objectPublic (2), duplicate (3), inSymSeed (4), symmetricAlg
 * (5, TPMT_SYM_DEF_OBJECT+); their unmarshal codes at those positions. Then: TPM_RC_ATTRIBUTES
 * (parameter 2) when objectPublic has fixedTPM or fixedParent; TPM_RC_TYPE (handle 1) unless the
 * parent is a storage parent; TPM_RC_SIZE (parameter 1) for an encryptionKey not of symmetricAlg's
 * size (empty for NULL); TPM_RC_ATTRIBUTES (parameter 1) for encryptedDuplication without inner
 * wrap; with an outer wrap, TPM_RC_TYPE (handle 1) for a SYMCIPHER parent and secret sharing's
 * codes at parameter 4; without one, TPM_RC_ATTRIBUTES (parameter 4) for encryptedDuplication;
 * TPM_RC_HASH (parameter 2) without nameAlg; the blob's codes at parameter 3 (TPM_RC_INTEGRITY,
 * TPM_RC_INSUFFICIENT, TPM_RC_SIZE, the sensitive area's unmarshal codes); under a fixedTPM parent,
 * ObjectLoad's validation (at parameters 2 and 3).
 */
public final class Import extends Command<Import.In, byte[]> {
    public record In(int parentHandle, byte[] encryptionKey, PublicArea objectPublic, byte[] duplicate, byte[] inSymSeed,
                     SymDefObject symmetricAlg) {}

    public Import() {
        super(CommandDescriptor.builder(TpmCc.IMPORT).handle("parentHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] key = r.param(1).tpm2b(ObjectLimits.DATA);
        PublicArea pub = PublicArea.readSized(r.param(2), false);
        byte[] duplicate = r.param(3).tpm2b(ObjectLimits.PRIVATE);
        byte[] seed = r.param(4).tpm2b(ObjectLimits.ENCRYPTED_SECRET);
        SymDefObject sym = SymDefObject.read(r.param(5), true);
        return new In(handles[0], key, pub, duplicate, seed, sym);
    }

    @Override
    public byte[] execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        PublicArea pub = in.objectPublic();
        if (pub.has(ObjectAttributes.FIXED_TPM) || pub.has(ObjectAttributes.FIXED_PARENT)) {
            throw TpmException.parameter(2, TpmRc.ATTRIBUTES);
        }
        KeyObject parent = Create.parent(ctx, 0);
        byte[] innerKey = null;
        if (!in.symmetricAlg().isNull()) {
            if (in.encryptionKey().length != in.symmetricAlg().keyBytes()) {
                throw TpmException.parameter(1, TpmRc.SIZE);
            }
            innerKey = in.encryptionKey();
        } else {
            if (in.encryptionKey().length != 0) {
                throw TpmException.parameter(1, TpmRc.SIZE);
            }
            if (pub.has(ObjectAttributes.ENCRYPTED_DUPLICATION)) {
                throw TpmException.parameter(1, TpmRc.ATTRIBUTES);
            }
        }
        Protector outer = null;
        if (in.inSymSeed().length != 0) {
            if (parent.type() == TpmAlgId.SYMCIPHER) {
                throw TpmException.handle(1, TpmRc.TYPE);
            }
            byte[] seed;
            try {
                seed = new SecretSharing(core.crypto).decrypt(parent.keys(core.crypto), null, SecretLabel.DUPLICATE,
                        in.inSymSeed());
            } catch (TpmException e) {
                throw e.atParameter(4);
            }
            outer = Protector.ofSeed(seed, parent.publicArea());
        } else if (pub.has(ObjectAttributes.ENCRYPTED_DUPLICATION)) {
            throw TpmException.parameter(4, TpmRc.ATTRIBUTES);
        }
        byte[] name = ObjectName.of(core.crypto, pub);
        if (name.length == 0) {
            throw TpmException.parameter(2, TpmRc.HASH);
        }
        SensitiveArea sensitive;
        try {
            sensitive = new DuplicationBlob(core.crypto).unwrap(outer, name, pub.nameHash(), innerKey, in.duplicate());
        } catch (TpmException e) {
            throw e.atParameter(3);
        }
        new ObjectValidation(core.crypto).importObject(new Parent(parent.publicArea()), pub, sensitive, 2, 3);
        return new PrivateBlob(core.crypto).wrap(Protector.ofParent(parent.publicArea(), parent.sensitive()), name,
                pub.nameHash(), sensitive, core.random(16));
    }

    @Override
    public void encode(byte[] outPrivate, TpmWriter w) {
        w.tpm2b(outPrivate);
    }
}
