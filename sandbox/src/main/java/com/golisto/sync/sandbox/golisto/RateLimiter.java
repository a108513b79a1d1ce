package com.golisto.sync.sandbox.golisto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Golisto's rate limit as the emulator plays it: a fixed window of {@code limit} API requests per
 * {@code window} on the emulator clock, over all clients. Thread-safe.
 */
final class RateLimiter {

    private final Clock clock;
    private int limit;
    private Duration window;
    private @Nullable Instant windowStart;
    private int used;

    RateLimiter(Clock clock, int limit, Duration window) {
        this.clock = clock;
        configure(limit, window);
    }

    synchronized void configure(int newLimit, Duration newWindow) {
        if (newLimit < 1) {
            throw new IllegalArgumentException("the rate limit must allow at least one request: " + newLimit);
        }
        if (newWindow.isNegative() || newWindow.isZero() || newWindow.toMillis() < 1000) {
            throw new IllegalArgumentException("the rate-limit window must be at least one second: " + newWindow);
        }
        this.limit = newLimit;
        this.window = newWindow;
        this.windowStart = null;
        this.used = 0;
    }

    /**
     * Takes one request from the budget.
     *
     * @return the decision: allowed with the remaining budget, or refused with the seconds to wait
     */
    synchronized Decision acquire() {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        if (used >= limit) {
            long millis = Duration.between(now, windowStart.plus(window)).toMillis();
            return new Decision(false, 0, Math.max(1, (millis + 999) / 1000));
        }
        used++;
        return new Decision(true, limit - used, 0);
    }

    /**
     * One rate-limit decision.
     *
     * @param allowed whether the request may be served
     * @param remaining the budget left in this window after this request
     * @param retryAfterSeconds how long to wait when refused
     */
    record Decision(boolean allowed, int remaining, long retryAfterSeconds) {
    }
}
