package dev.jvtpm.engine.core;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * The reference's {@code go}: Clock and its safe flag, and the dictionary-attack timers. Written
 * with every NV write and at Shutdown; Clock never moves backwards across any of them.
 */
public final class OrderlyData implements StateSection {
    /** Clock in ms (Part 1 "Clock"): persistent, advances while powered, settable only forward. */
    public long clock;
    public boolean clockSafe = true;
    /** Clock value at which the last failedTries decrement happened (DA self-healing). */
    public long selfHealTimer;
    /** Clock value at which lockoutAuth failure recovery started. */
    public long lockoutTimer;

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
        w.u16(1).u64(clock);
        Codec.bool(w, clockSafe);
        w.u64(selfHealTimer).u64(lockoutTimer);
    }

    @Override
    public void load(TpmReader r) throws TpmException {
        r.u16();
        clock = r.u64();
        clockSafe = Codec.bool(r);
        selfHealTimer = r.u64();
        lockoutTimer = r.u64();
    }

    @Override
    public void reset() {
        clock = 0;
        clockSafe = true;
        selfHealTimer = 0;
        lockoutTimer = 0;
    }
}
