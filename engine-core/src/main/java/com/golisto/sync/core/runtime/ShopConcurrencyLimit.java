package com.golisto.sync.core.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The adaptive limit on one store's shop requests in flight (AIMD), between 1 and the configured cap, starting
 * at the cap. Every request holds a {@link Permit} and tells on release how it went:
 * <ul>
 *   <li>an overload ({@link Outcome#OVERLOADED}: 429, 503, a timeout or another transient failure) halves the
 *   limit, at most once per generation: requests that started before the last decrease do not halve it again
 *   (four 429s answered together are one signal);</li>
 *   <li>after a window of {@code max(4, limit)} successful answers, the window's mean latency is compared with
 *   the best window mean of the last {@value #HISTORY} windows: when it is more than twice that and at least
 *   {@link #LATENCY_SLACK} above it, the store slows down under the load and the limit is halved; otherwise
 *   the limit grows by one, up to the cap.</li>
 *   <li>growing back to the limit at which the last decrease happened (a probe that may meet a 429 again)
 *   takes {@value #PROBE_WINDOWS} such windows instead of one, so a shop that rejects the third request in
 *   flight sees one probe per some hundred requests, not one every few; a probe that holds clears it.</li>
 * </ul>
 * The limit may shrink while permits are out: no new permit is given until fewer than the limit are held.
 * Waiters are served first come, first served, and waiting is interruptible. With adaptation off the limit
 * stays at the cap (a fair semaphore). Time from the injected clock. Thread-safe.
 *
 * <p>Written here rather than taken from {@code com.netflix.concurrency-limits} 0.5.4: that jar has no
 * {@code Automatic-Module-Name} (its module name would derive from the file name, which the build notes warn
 * against), and its blocking limiters are not first come, first served.
 */
public final class ShopConcurrencyLimit {

    /** How a request that held a permit went. */
    public enum Outcome {
        /** An answer arrived: its latency counts. */
        SUCCEEDED,
        /** The shop is overloaded or did not answer (429, 503, timeout, reset): the limit halves. */
        OVERLOADED,
        /** Another failure (a refusal, a bug): neither a latency nor an overload. */
        FAILED
    }

    /** How many recent window means the latency rule compares with. */
    static final int HISTORY = 8;
    /** Latency differences below this never count as a slowdown: a fast shop's jitter is no signal. */
    static final Duration LATENCY_SLACK = Duration.ofMillis(50);
    private static final int MIN_WINDOW = 4;
    /** Fast windows needed to grow back to the limit of the last decrease. */
    static final int PROBE_WINDOWS = 16;

    private final int cap;
    private final boolean adaptive;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition slotFree = lock.newCondition();

    // guarded by lock
    private int limit;
    private int inFlight;
    private long generation;
    private int windowCount;
    /** The limit at which the last decrease happened, 0 when a probe held there since (or none happened). */
    private int decreasedAt;
    private int fastWindows;
    private long windowNanos;
    private final Deque<Long> recentMeans = new ArrayDeque<>();

    /**
     * @param cap the configured most requests in flight, at least 1; the starting limit
     * @param adaptive false to keep the limit at the cap
     * @param clock where request latencies are measured
     */
    public ShopConcurrencyLimit(int cap, boolean adaptive, Clock clock) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, was " + cap);
        }
        this.cap = cap;
        this.adaptive = adaptive;
        this.clock = clock;
        this.limit = cap;
    }

    /** The current limit, between 1 and the cap. */
    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** The permits held now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** The configured cap. */
    public int cap() {
        return cap;
    }

    /** Waits (first come, first served) until fewer requests than the limit are in flight, and takes a permit. */
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                try {
                    slotFree.await();
                } catch (InterruptedException e) {
                    if (inFlight < limit) {
                        slotFree.signal(); // a slot this waiter may have been woken for goes to the next one
                    }
                    throw e;
                }
            }
            inFlight++;
            return new Permit(generation, clock.instant());
        } finally {
            lock.unlock();
        }
    }

    private void release(Permit permit, Outcome outcome) {
        Instant now = clock.instant();
        lock.lock();
        try {
            inFlight--;
            if (adaptive) {
                adapt(permit, outcome, Duration.between(permit.started, now));
            }
            int free = limit - inFlight;
            for (int i = 0; i < free; i++) {
                slotFree.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void adapt(Permit permit, Outcome outcome, Duration latency) {
        if (outcome == Outcome.OVERLOADED) {
            if (permit.generation == generation) {
                decrease();
            }
        } else if (outcome == Outcome.SUCCEEDED && permit.generation == generation) {
            windowCount++;
            windowNanos += Math.max(0, latency.toNanos());
            if (windowCount >= Math.max(MIN_WINDOW, limit)) {
                endWindow(windowNanos / windowCount);
            }
        }
    }

    private void endWindow(long mean) {
        long best = recentMeans.stream().mapToLong(Long::longValue).min().orElse(mean);
        recentMeans.addLast(mean);
        if (recentMeans.size() > HISTORY) {
            recentMeans.removeFirst();
        }
        if (mean > 2 * best && mean - best >= LATENCY_SLACK.toNanos()) {
            decrease();
        } else {
            fastWindows++;
            if (decreasedAt > 0 && limit >= decreasedAt) {
                decreasedAt = 0; // the probe held
            }
            if (decreasedAt == 0 || limit + 1 < decreasedAt || fastWindows >= PROBE_WINDOWS) {
                limit = Math.min(cap, limit + 1);
                fastWindows = 0;
            }
            resetWindow();
        }
    }

    private void decrease() {
        decreasedAt = limit;
        fastWindows = 0;
        limit = Math.max(1, limit / 2);
        generation++;
        resetWindow();
    }

    private void resetWindow() {
        windowCount = 0;
        windowNanos = 0;
    }

    /** One request's permit; released exactly once, further releases do nothing. */
    public final class Permit {
        private final long generation;
        private final Instant started;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(long generation, Instant started) {
            this.generation = generation;
            this.started = started;
        }

        /** Gives the permit back, telling how the request went. */
        public void release(Outcome outcome) {
            if (released.compareAndSet(false, true)) {
                ShopConcurrencyLimit.this.release(this, outcome);
            }
        }
    }
}
