package dev.jvtpm.engine.command.clock;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.core.TpmClock;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ClockRateAdjust (Part 3 §29.3), with owner or platform authorization: one coarse, medium
 * or fine step slower or faster (TPM_CLOCK_ADJUST -3..3), within the platform's limit. The rate
 * returns to nominal at _TPM_Init. TPM_RC_VALUE (parameter 1) for a value outside -3..3.
 */
public final class ClockRateAdjust extends Command<ClockRateAdjust.In, Void> {
    public record In(int auth, int rateAdjust) {}

    public ClockRateAdjust() {
        super(CommandDescriptor.builder(TpmCc.CLOCK_RATE_ADJUST)
                .handle("auth", HandleTypes.PROVISION, AuthRole.USER)
                .physicalPresence()
                .build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        int v = (byte) r.param(1).u8();
        if (v < -3 || v > 3) {
            throw r.fail(TpmRc.VALUE);
        }
        return new In(handles[0], v);
    }

    @Override
    public Void execute(CommandContext ctx, In in) {
        int step;
        switch (Math.abs(in.rateAdjust())) {
            case 3: step = TpmClock.ADJUST_COARSE; break;
            case 2: step = TpmClock.ADJUST_MEDIUM; break;
            case 1: step = TpmClock.ADJUST_FINE; break;
            default: return null;
        }
        ctx.core().clock.adjustRate(Integer.signum(in.rateAdjust()) * step);
        return null;
    }

    @Override
    public void encode(Void out, TpmWriter w) {
    }
}
