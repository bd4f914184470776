package dev.jvtpm.engine.command.management;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_PP_Commands (Part 3 §26.2), with platform authorization and physical presence (it is
 * always in the list itself, so without physical presence authorization fails with TPM_RC_PP):
 * adds the codes of setList to, then removes those of clearList from, the commands needing
 * physical presence for platform authorization. As in the reference, only implemented commands
 * whose attributes allow physical presence are added, TPM2_PP_Commands is never removed, and
 * other codes are ignored. TPM_RC_SIZE (parameter 1 or 2) for a list longer than MAX_CAP_CC.
 */
public final class PpCommands extends Command<PpCommands.In, Void> {
    public record In(int[] setList, int[] clearList) {}

    /** MAX_CAP_CC: what fits in a TPMS_CAPABILITY_DATA (254 command codes). */
    static final int MAX_CAP_CC = 254;

    public PpCommands() {
        super(CommandDescriptor.builder(TpmCc.PP_COMMANDS)
                .handle("auth", HandleTypes.PLATFORM, AuthRole.USER)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(readList(r.param(1)), readList(r.param(2)));
    }

    /** TPML_CC: TPM_RC_SIZE for more than MAX_CAP_CC codes. */
    static int[] readList(TpmReader r) throws TpmException {
        int count = r.u32();
        if (Integer.compareUnsigned(count, MAX_CAP_CC) > 0) {
            throw r.fail(TpmRc.SIZE);
        }
        int[] codes = new int[count];
        for (int i = 0; i < count; i++) {
            codes[i] = r.u32();
        }
        return codes;
    }

    @Override
    public Void execute(CommandContext ctx, In in) {
        TpmCore core = ctx.core();
        for (int cc : in.setList()) {
            Command<?, ?> c = Tpm.commandTable().get(cc);
            if (c != null && c.descriptor().physicalPresence()) {
                core.gp.ppCommands.add(cc);
            }
        }
        for (int cc : in.clearList()) {
            if (cc != TpmCc.PP_COMMANDS) {
                core.gp.ppCommands.remove(cc);
            }
        }
        core.markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
