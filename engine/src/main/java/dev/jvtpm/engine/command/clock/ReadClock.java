package dev.jvtpm.engine.command.clock;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_ReadClock (Part 3 §29.1): TPMS_TIME_INFO, i.e. Time since _TPM_Init and TPMS_CLOCK_INFO
 * (Clock, resetCount, restartCount, safe). Returns no error codes of its own.
 */
public final class ReadClock extends Command<Void, ReadClock.Out> {
    public record Out(long time, long clock, int resetCount, int restartCount, boolean safe) {}

    public ReadClock() {
        super(CommandDescriptor.builder(TpmCc.READ_CLOCK).build());
    }

    @Override
    public Void decode(int[] handles, TpmReader r) {
        return null;
    }

    @Override
    public Out execute(CommandContext ctx, Void in) {
        TpmCore core = ctx.core();
        return new Out(core.clock.time(), core.go.clock, (int) core.gp.resetCount, (int) core.gr.restartCount,
                core.go.clockSafe);
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.u64(out.time()).u64(out.clock()).u32(out.resetCount()).u32(out.restartCount()).u8(out.safe() ? 1 : 0);
    }
}
