package com.golisto.sync.sandbox.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand, so that emulators and the engine agree on "now" and no
 * test ever sleeps. Thread-safe.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Creates a clock at {@code start} in UTC.
     *
     * @param start the initial instant
     * @return the clock
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward (or back, with a negative amount).
     *
     * @param amount how far
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        return now.updateAndGet(i -> i.plus(amount));
    }

    /**
     * Sets the clock.
     *
     * @param instant the new instant
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + "]";
    }
}
