package dev.jvtpm.engine.core;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * The reference's {@code go}: Clock and its safe flag, and the dictionary-attack timers. Written
 * with every NV write and at Shutdown; Clock never moves backwards across any of them.
 *
 * <p>The DA timers are in Time (ms since _TPM_Init), as libtpms keeps them with
 * ACCUMULATE_SELF_HEAL_TIMER: TPM2_Shutdown saves Time in {@link #time}, and the next
 * Startup after that orderly shutdown subtracts it from both timers so that elapsed healing
 * time carries over the power cycle (they may go negative, read as unsigned 64-bit).
 */
public final class OrderlyData implements StateSection {
    /** Clock in ms (Part 1 "Clock"): persistent, advances while powered, settable only forward. */
    public long clock;
    public boolean clockSafe = true;
    /** Time of the last DA failure or failedTries decrement (s_selfHealTimer). */
    public long selfHealTimer;
    /** Time of the last lockoutAuth failure (s_lockoutTimer). */
    public long lockoutTimer;
    /** Time at the last TPM2_Shutdown (go.time). */
    public long time;

    @Override
    public int tag() {
        return 2;
    }

    @Override
    public String name() {
        return "orderly";
    }

    @Override
    public void save(TpmWriter w) {
        w.u16(2).u64(clock);
        Codec.bool(w, clockSafe);
        w.u64(selfHealTimer).u64(lockoutTimer).u64(time);
    }

    @Override
    public void load(TpmReader r) throws TpmException {
        int version = r.u16();
        if (version < 1 || version > 2) {
            throw new TpmException(dev.jvtpm.engine.wire.TpmRc.VALUE, "orderly section version " + version);
        }
        clock = r.u64();
        clockSafe = Codec.bool(r);
        selfHealTimer = r.u64();
        lockoutTimer = r.u64();
        // Version 1 did not keep go.time: zero rebases nothing, as for a TPM never shut down.
        time = version >= 2 ? r.u64() : 0;
    }

    @Override
    public void reset() {
        clock = 0;
        clockSafe = true;
        selfHealTimer = 0;
        lockoutTimer = 0;
        time = 0;
    }
}
