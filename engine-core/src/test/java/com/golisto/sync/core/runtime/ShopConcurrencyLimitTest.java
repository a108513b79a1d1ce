package com.golisto.sync.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.runtime.ShopConcurrencyLimit.Outcome;
import com.golisto.sync.core.runtime.ShopConcurrencyLimit.Permit;
import com.golisto.sync.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShopConcurrencyLimitTest {

    private final FakeClock clock = FakeClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Runs {@code count} requests one after the other, each taking {@code latency} on the fake clock. */
    private void requests(ShopConcurrencyLimit limit, int count, Duration latency) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Permit p = limit.acquire();
            clock.advance(latency);
            p.release(Outcome.SUCCEEDED);
        }
    }

    @Test
    void startsAtTheCap() {
        assertThat(new ShopConcurrencyLimit(4, true, clock).limit()).isEqualTo(4);
    }

    @Test
    void anOverloadHalvesTheLimit_onceForRequestsStartedTogether() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(8, true, clock);
        List<Permit> together = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            together.add(limit.acquire());
        }

        together.forEach(p -> p.release(Outcome.OVERLOADED));
        assertThat(limit.limit()).as("four 429s answered together are one signal").isEqualTo(4);

        limit.acquire().release(Outcome.OVERLOADED);
        limit.acquire().release(Outcome.OVERLOADED);
        limit.acquire().release(Outcome.OVERLOADED);
        assertThat(limit.limit()).as("never below 1").isEqualTo(1);
    }

    @Test
    void aWindowOfSteadyAnswers_addsOne_upToTheCap() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(8, true, clock);
        limit.acquire().release(Outcome.OVERLOADED);
        assertThat(limit.limit()).isEqualTo(4);

        requests(limit, 4, Duration.ofMillis(200));
        assertThat(limit.limit()).isEqualTo(5);
        requests(limit, 5, Duration.ofMillis(200));
        assertThat(limit.limit()).isEqualTo(6);
    }

    @Test
    void growingBackToTheLimitOfTheLastDecrease_takesManyWindows_thenTheCapIsReachedAgain() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(3, true, clock);
        limit.acquire().release(Outcome.OVERLOADED);
        assertThat(limit.limit()).isEqualTo(1);
        requests(limit, 4, Duration.ofMillis(200));
        assertThat(limit.limit()).isEqualTo(2);

        requests(limit, 4 * (ShopConcurrencyLimit.PROBE_WINDOWS - 1), Duration.ofMillis(200));
        assertThat(limit.limit()).as("no probe of 3 yet: it was overloaded there").isEqualTo(2);
        requests(limit, 4, Duration.ofMillis(200));
        assertThat(limit.limit()).as("the probe").isEqualTo(3);
        requests(limit, 40, Duration.ofMillis(200));
        assertThat(limit.limit()).as("never above the cap").isEqualTo(3);
    }

    @Test
    void latencyWellAboveTheBestRecentWindow_halvesTheLimit() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(4, true, clock);
        requests(limit, 4, Duration.ofMillis(200));
        assertThat(limit.limit()).isEqualTo(4);

        requests(limit, 4, Duration.ofMillis(1100));

        assertThat(limit.limit()).isEqualTo(2);
    }

    @Test
    void smallOrModestLatencyChanges_areNoSignal() throws Exception {
        ShopConcurrencyLimit fast = new ShopConcurrencyLimit(4, true, clock);
        requests(fast, 4, Duration.ofMillis(1));
        requests(fast, 4, Duration.ofMillis(40));
        ShopConcurrencyLimit slow = new ShopConcurrencyLimit(4, true, clock);
        requests(slow, 4, Duration.ofMillis(200));
        requests(slow, 4, Duration.ofMillis(390));

        assertThat(fast.limit()).as("1 -> 40 ms is jitter").isEqualTo(4);
        assertThat(slow.limit()).as("200 -> 390 ms is under twice").isEqualTo(4);
    }

    @Test
    void withAdaptationOff_theLimitStaysAtTheCap() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(4, false, clock);
        limit.acquire().release(Outcome.OVERLOADED);
        requests(limit, 4, Duration.ofMillis(200));
        requests(limit, 4, Duration.ofSeconds(5));

        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void aShrunkLimit_givesNoPermitUntilFewerThanItAreOut() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(4, true, clock);
        Permit a = limit.acquire();
        Permit b = limit.acquire();
        Permit c = limit.acquire();
        limit.acquire().release(Outcome.OVERLOADED);
        assertThat(limit.limit()).isEqualTo(2);

        Future<Permit> waiting = threads.submit(limit::acquire);
        a.release(Outcome.SUCCEEDED);
        assertThat(limit.inFlight()).as("2 of 2 still out: the waiter waits").isEqualTo(2);
        assertThat(waiting.isDone()).isFalse();
        b.release(Outcome.SUCCEEDED);

        waiting.get(10, TimeUnit.SECONDS).release(Outcome.SUCCEEDED);
        c.release(Outcome.SUCCEEDED);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aPermitIsNeverLeaked_byARepeatedRelease() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(1, true, clock);
        Permit p = limit.acquire();
        p.release(Outcome.FAILED);
        p.release(Outcome.FAILED);

        assertThat(limit.inFlight()).isZero();
        limit.acquire().release(Outcome.SUCCEEDED);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void anInterruptedWaiter_takesNoPermit_andTheNextWaiterGetsTheSlot() throws Exception {
        ShopConcurrencyLimit limit = new ShopConcurrencyLimit(1, true, clock);
        Permit held = limit.acquire();
        CompletableFuture<Thread> first = new CompletableFuture<>();
        Future<Permit> interrupted = threads.submit(() -> {
            first.complete(Thread.currentThread());
            return limit.acquire();
        });
        Thread waiter = first.get(10, TimeUnit.SECONDS);
        waiter.interrupt();
        assertThatThrownBy(() -> interrupted.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);

        Future<Permit> next = threads.submit(limit::acquire);
        held.release(Outcome.SUCCEEDED);

        next.get(10, TimeUnit.SECONDS).release(Outcome.SUCCEEDED);
        assertThat(limit.inFlight()).isZero();
    }
}
