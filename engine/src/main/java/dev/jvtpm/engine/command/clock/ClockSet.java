package dev.jvtpm.engine.command.clock;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmClock;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ClockSet (Part 3 §29.2), with owner or platform authorization: moves Clock forward to
 * newTime. TPM_RC_VALUE (parameter 1) when newTime is below the current Clock or above
 * 0xFFFF000000000000. Clock's safe flag becomes YES when the new value crosses an NV update
 * boundary.
 *
 * <p>Unlike libtpms, the new Clock is written to the state store at once: libtpms only updates
 * its NV image, so a power cycle before the next NV commit loses the setting and Clock goes back
 * while still reporting safe, which breaks the promise that Clock never moves backwards.
 */
public final class ClockSet extends Command<ClockSet.In, Void> {
    /** The largest Clock value ClockSet accepts. */
    public static final long MAX_CLOCK = 0xFFFF000000000000L;

    public record In(int auth, long newTime) {}

    public ClockSet() {
        super(CommandDescriptor.builder(TpmCc.CLOCK_SET)
                .handle("auth", HandleTypes.PROVISION, AuthRole.USER)
                .nv()
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        return new In(handles[0], r.param(1).u64());
    }

    @Override
    public Void execute(CommandContext ctx, In in) throws TpmException {
        TpmCore core = ctx.core();
        if (Long.compareUnsigned(in.newTime(), MAX_CLOCK) > 0 || Long.compareUnsigned(in.newTime(), core.go.clock) < 0) {
            throw TpmException.parameter(1, TpmRc.VALUE);
        }
        TpmClock.advanceClock(core.go, in.newTime());
        core.markPersistentDirty();
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
