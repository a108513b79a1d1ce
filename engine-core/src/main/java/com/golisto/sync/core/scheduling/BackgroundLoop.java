package com.golisto.sync.core.scheduling;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's background loop: one virtual thread that starts the due work every tick until the engine
 * closes. A tick that fails is logged and the loop goes on; closing wakes the loop at once instead of
 * waiting for the tick to end. Thread-safe.
 */
public final class BackgroundLoop {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

    private final Runnable tick;
    private final Duration interval;
    private final CountDownLatch closing = new CountDownLatch(1);
    /** The loop's thread; null until {@link #start()}. */
    private @Nullable Thread thread;

    /**
     * @param tick starts what is due (without waiting for it)
     * @param interval the pause between ticks
     */
    public BackgroundLoop(Runnable tick, Duration interval) {
        this.tick = tick;
        this.interval = interval;
    }

    /** Starts the loop; no-op when it runs already or was stopped. */
    public synchronized void start() {
        if (thread != null || closing.getCount() == 0) {
            return;
        }
        thread = Thread.ofVirtual().name("golisto-sync-scheduler").start(() -> {
            LOG.info("engine scheduler started (tick {})", interval);
            try {
                do {
                    try {
                        tick.run();
                    } catch (RuntimeException e) {
                        LOG.warn("scheduler tick failed: {}", e.toString());
                    }
                } while (!closing.await(interval.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops the loop and waits (up to {@code timeout}) for its current tick to end. Idempotent. */
    public void stop(Duration timeout) {
        closing.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
