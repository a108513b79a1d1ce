package com.golisto.sync.core.scheduling;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The clocks {@link StoreTasks} gives db-scheduler, both read from the engine's. */
final class SchedulerClocks {

    private SchedulerClocks() {
    }

    /**
     * The background driver's clock: the engine's, except that while the engine's clock stands still (a test's), real
     * time flows on from its last instant. db-scheduler waits between polls on its own clock, so a clock that stands
     * still would stop it; with the system clock this is the system clock.
     */
    static final class Flowing implements com.github.kagkarlsson.scheduler.Clock {
        private final Clock clock;
        private @Nullable Instant last;
        private long lastNanos;

        Flowing(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized Instant now() {
            Instant engine = clock.instant();
            long nanos = System.nanoTime();
            if (last == null || !engine.equals(last)) {
                last = engine;
                lastNanos = nanos;
                return engine;
            }
            return engine.plusNanos(nanos - lastNanos);
        }
    }

    /** db-scheduler's clock, read from the engine's (so tests move one clock). */
    static final class Engine extends SettableClock {
        private final Clock clock;

        Engine(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Instant now() {
            return clock.instant();
        }
    }
}
