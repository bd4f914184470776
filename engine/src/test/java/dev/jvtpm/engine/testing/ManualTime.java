package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.TimeSource;

/** A platform tick the test advances by hand, so Time and Clock are deterministic. */
public final class ManualTime implements TimeSource {
    private long now;

    @Override
    public synchronized long monotonicMillis() {
        return now;
    }

    public synchronized void advance(long millis) {
        now += millis;
    }
}
