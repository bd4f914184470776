package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ReadPublic (Part 3 §12.4): the public area, Name and qualified name of a loaded transient
 * or persistent object; no authorization. TPM_RC_SEQUENCE (unpositioned) for a sequence object.
 */
public final class ReadPublic extends Command<Integer, KeyObject> {
    public ReadPublic() {
        super(CommandDescriptor.builder(TpmCc.READ_PUBLIC).handle("objectHandle", HandleTypes.OBJECT).encrypt().build());
    }

    @Override
    public Integer decode(int[] handles, TpmReader r) {
        return handles[0];
    }

    @Override
    public KeyObject execute(CommandContext ctx, Integer handle) throws TpmException {
        KeyObject o = ((ObjectEntity) ctx.entity(0)).key();
        if (o == null) {
            throw new TpmException(TpmRc.SEQUENCE);
        }
        return o;
    }

    @Override
    public void encode(KeyObject o, TpmWriter w) {
        o.publicArea().writeSized(w);
        w.tpm2b(o.name()).tpm2b(o.qualifiedName());
    }
}
