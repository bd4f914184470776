package dev.jvtpm.engine.core;

import dev.jvtpm.engine.TimeSource;

/**
 * Time (ms since _TPM_Init) and the advance of Clock. Both follow the platform tick, scaled by
 * the rate set with ClockRateAdjust. Like libtpms, advancing Clock alone does not write NV; the
 * safe flag becomes YES again each time Clock crosses a 2^{@value #UPDATE_INTERVAL_BITS} ms
 * boundary (the moment a hardware TPM would have written it).
 *
 * <p>The rate is kept as the reference platform keeps it: a tick period in units where
 * {@value #NOMINAL} is one millisecond per millisecond, so a slower clock has a larger period
 * and TPM time = host time × NOMINAL / period, bounded by ±{@value #ADJUST_LIMIT}.
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
    private int period = NOMINAL;

    public TpmClock(TimeSource source) {
        this.source = source;
        this.lastTick = source.monotonicMillis();
    }

    /** _TPM_Init: Time restarts at zero and the rate returns to nominal. */
    public void init() {
        lastTick = source.monotonicMillis();
        time = 0;
        fraction = 0;
        period = NOMINAL;
    }

    /** Advances Time and Clock to now (called before every command, as TimeUpdateToCurrent). */
    public void update(OrderlyData go) {
        long now = source.monotonicMillis();
        long elapsedTicks = now - lastTick;
        lastTick = now;
        if (elapsedTicks <= 0) {
            return;
        }
        long scaled = elapsedTicks * NOMINAL + fraction;
        long elapsed = scaled / period;
        fraction = scaled % period;
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

    /** The tick period: {@value #NOMINAL} at nominal rate, larger when slower. */
    public int period() {
        return period;
    }

    /**
     * Applies a ClockRateAdjust step of {@code delta} (one of ±{@value #ADJUST_COARSE},
     * ±{@value #ADJUST_MEDIUM}, ±{@value #ADJUST_FINE}; positive = faster), bounded by
     * ±{@value #ADJUST_LIMIT} around nominal.
     */
    public void adjustRate(int delta) {
        period = Math.max(NOMINAL - ADJUST_LIMIT, Math.min(NOMINAL + ADJUST_LIMIT, period - delta));
    }
}
