package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Unseal (Part 3 §12.7): the data of a sealed data object (a KEYEDHASH with sign, decrypt
 * and restricted clear). TPM_RC_TYPE (handle 1) for any other type (a sequence included);
 * TPM_RC_ATTRIBUTES (handle 1) for a keyed hash that is a key.
 */
public final class Unseal extends Command<Integer, byte[]> {
    public Unseal() {
        super(CommandDescriptor.builder(TpmCc.UNSEAL).handle("itemHandle", HandleTypes.OBJECT, AuthRole.USER)
                .encrypt().build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public byte[] execute(CommandContext ctx, Integer handle) throws TpmException {
        KeyObject o = ((ObjectEntity) ctx.entity(0)).key();
        if (o == null || o.type() != TpmAlgId.KEYEDHASH) {
            throw TpmException.handle(1, TpmRc.TYPE);
        }
        if (o.has(ObjectAttributes.DECRYPT) || o.has(ObjectAttributes.SIGN) || o.has(ObjectAttributes.RESTRICTED)) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        return o.sensitive().sensitive();
    }

    @Override
    public void encode(byte[] outData, TpmWriter w) {
        w.tpm2b(outData);
    }
}
