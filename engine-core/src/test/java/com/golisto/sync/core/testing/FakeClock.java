package com.golisto.sync.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told: the engine, its schedules and debounce, and the fakes all read it, and
 * the engine's retry sleeper advances it instead of sleeping. UTC. Thread-safe.
 */
public final class FakeClock extends Clock {

    private final AtomicReference<Instant> now;

    private FakeClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** A clock standing at this instant. */
    public static FakeClock at(Instant start) {
        return new FakeClock(start);
    }

    /** Moves the clock forward. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back: " + by);
        }
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the fake clock is UTC only");
    }
}
