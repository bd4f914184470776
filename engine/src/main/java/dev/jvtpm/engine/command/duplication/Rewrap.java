package dev.jvtpm.engine.command.duplication;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.protect.OuterWrap;
import dev.jvtpm.engine.object.protect.Protector;
import dev.jvtpm.engine.object.protect.SecretLabel;
import dev.jvtpm.engine.object.protect.SecretSharing;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Rewrap (Part 3 §13.2): moves a duplication blob's outer wrap from oldParent (USER) to
 * newParent; either may be TPM_RH_NULL (no outer wrap). Parameters inDuplicate (1), name (2),
 * inSymSeed (3). Then: TPM_RC_HANDLE (handle 1) when inSymSeed is empty for an old parent or given
 * for TPM_RH_NULL; TPM_RC_TYPE (handle 1) when oldParent is not a storage key; TPM_RC_VALUE
 * (parameter 3) for any failure to recover the seed; the outer wrap's codes at parameter 1
 * (TPM_RC_INTEGRITY, TPM_RC_INSUFFICIENT, TPM_RC_SIZE); TPM_RC_TYPE (handle 2) when newParent is not
 * a storage key; secret sharing's codes, unpositioned; TPM_RC_VALUE (parameter 1) when the new
 * wrap would not fit a TPM2B_PRIVATE.
 */
public final class Rewrap extends Command<Rewrap.In, Rewrap.Out> {
    public record In(int oldParent, int newParent, byte[] inDuplicate, byte[] name, byte[] inSymSeed) {}

    public record Out(byte[] outDuplicate, byte[] outSymSeed) {}

    public Rewrap() {
        super(CommandDescriptor.builder(TpmCc.REWRAP)
                .handle("oldParent", HandleTypes.OBJECT_OR_NULL, AuthRole.USER)
                .handle("newParent", HandleTypes.OBJECT_OR_NULL)
                .decrypt()
                .encrypt()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] dup = r.param(1).tpm2b(ObjectLimits.PRIVATE);
        byte[] name = r.param(2).tpm2b(ObjectLimits.NAME);
        byte[] seed = r.param(3).tpm2b(ObjectLimits.ENCRYPTED_SECRET);
        return new In(handles[0], handles[1], dup, name, seed);
    }

    @Override
    public Out execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        boolean fromNull = in.oldParent() == TpmHandles.RH_NULL;
        if ((in.inSymSeed().length == 0) != fromNull) {
            throw TpmException.handle(1, TpmRc.HANDLE);
        }
        SecretSharing sharing = new SecretSharing(core.crypto);
        OuterWrap outer = new OuterWrap(core.crypto);
        byte[] privateBlob = in.inDuplicate();
        if (!fromNull) {
            KeyObject old = StorageKeys.storage(ctx.entity(0));
            // A public-only parent cannot be authorized for USER; the check guards its private key.
            if (old == null || old.publicOnly()) {
                throw TpmException.handle(1, TpmRc.TYPE);
            }
            byte[] seed;
            try {
                seed = sharing.decrypt(old.keys(core.crypto), null, SecretLabel.DUPLICATE, in.inSymSeed());
            } catch (TpmException e) {
                throw TpmException.parameter(3, TpmRc.VALUE);
            }
            try {
                privateBlob = outer.unwrap(Protector.ofSeed(seed, old.publicArea()), in.name(), false, in.inDuplicate());
            } catch (TpmException e) {
                throw e.atParameter(1);
            }
        }
        if (in.newParent() == TpmHandles.RH_NULL) {
            return new Out(privateBlob, new byte[0]);
        }
        KeyObject target = StorageKeys.storage(ctx.entity(1));
        if (target == null) {
            throw TpmException.handle(2, TpmRc.TYPE);
        }
        SecretSharing.Shared shared = sharing.encrypt(target.keys(core.crypto), SecretLabel.DUPLICATE, core::randomFill);
        if (privateBlob.length + 2 + target.publicArea().nameHash().digestSize() > ObjectLimits.PRIVATE) {
            throw TpmException.parameter(1, TpmRc.VALUE);
        }
        byte[] wrapped = outer.produce(Protector.ofSeed(shared.seed(), target.publicArea()), in.name(), null, privateBlob);
        return new Out(wrapped, shared.encryptedSecret());
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.outDuplicate()).tpm2b(out.outSymSeed());
    }
}
