package dev.jvtpm.engine.core;

import dev.jvtpm.engine.TimeSource;

/**
 * Time (ms since _TPM_Init) and the advance of Clock. Both follow the platform tick, scaled by
 * the rate set with ClockRateAdjust. Like libtpms, advancing Clock alone does not write NV; the
 * safe flag becomes YES again each time Clock crosses a 2^{@value #UPDATE_INTERVAL_BITS} ms
 * boundary (the moment a hardware TPM would have written it).
 */
public final class TpmClock {
    /** NV_CLOCK_UPDATE_INTERVAL: TPM_PT_CLOCK_UPDATE reports this exponent. */
    public static final int UPDATE_INTERVAL_BITS = 12;
    private static final long UPDATE_MASK = (1L << UPDATE_INTERVAL_BITS) - 1;
    /** Nominal rate and the adjustment steps (CLOCK_NOMINAL, CLOCK_ADJUST_* of the reference platform). */
    public static final int NOMINAL = 30000;
    public static final int ADJUST_COARSE = 300;
    public static final int ADJUST_MEDIUM = 30;
    public static final int ADJUST_FINE = 1;
    public static final int ADJUST_LIMIT = 5000;

    private final TimeSource source;
    private long lastTick;
    private long time;
    private long fraction;
    private int rate = NOMINAL;

    public TpmClock(TimeSource source) {
        this.source = source;
        this.lastTick = source.monotonicMillis();
    }

    /** _TPM_Init: Time restarts at zero and the rate returns to nominal. */
    public void init() {
        lastTick = source.monotonicMillis();
        time = 0;
        fraction = 0;
        rate = NOMINAL;
    }

    /** Advances Time and Clock to now (called before every command, as TimeUpdateToCurrent). */
    public void update(OrderlyData go) {
        long now = source.monotonicMillis();
        long elapsedTicks = now - lastTick;
        lastTick = now;
        if (elapsedTicks <= 0) {
            return;
        }
        long scaled = elapsedTicks * rate + fraction;
        long elapsed = scaled / NOMINAL;
        fraction = scaled % NOMINAL;
        time += elapsed;
        advanceClock(go, go.clock + elapsed);
    }

    /** Moves Clock forward to {@code newClock}, setting safe when an update boundary is crossed. */
    public static void advanceClock(OrderlyData go, long newClock) {
        if ((newClock | UPDATE_MASK) > (go.clock | UPDATE_MASK)) {
            go.clockSafe = true;
        }
        go.clock = newClock;
    }

    public long time() {
        return time;
    }

    public void restoreTime(long t) {
        this.time = t;
    }

    public int rate() {
        return rate;
    }

    /** Applies a ClockRateAdjust step (positive = faster), bounded by ±{@link #ADJUST_LIMIT}. */
    public void adjustRate(int delta) {
        rate = Math.max(NOMINAL - ADJUST_LIMIT, Math.min(NOMINAL + ADJUST_LIMIT, rate + delta));
    }
}
