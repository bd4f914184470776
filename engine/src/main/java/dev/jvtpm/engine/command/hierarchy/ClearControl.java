package dev.jvtpm.engine.command.hierarchy;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.YesNo;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ClearControl (Part 3 §24.7): sets or clears disableClear. Lockout authorization may only
 * disable Clear: re-enabling it with lockoutAuth is TPM_RC_AUTH_FAIL (as the reference answers,
 * without a position and without counting a DA failure); platform authorization may do both.
 * TPM_RC_VALUE (parameter 1) for a disable other than YES/NO.
 */
public final class ClearControl extends Command<ClearControl.In, Void> {
    public record In(int auth, boolean disable) {}

    public ClearControl() {
        super(CommandDescriptor.builder(TpmCc.CLEAR_CONTROL)
                .handle("auth", HandleTypes.CLEAR, AuthRole.USER)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], YesNo.read(r.param(1)));
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        if (in.auth() == TpmHandles.RH_LOCKOUT && !in.disable()) {
            throw new TpmException(TpmRc.AUTH_FAIL);
        }
        core.gp.disableClear = in.disable();
        core.markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
