package com.golisto.sync.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A retry limited by a time budget per call, measured on the engine's clock, not by a count of attempts. */
class RetryPolicyBudgetTest {

    private final FakeClock clock = FakeClock.at(Instant.parse("2026-11-30T12:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(500),
            Duration.ofSeconds(30), 0.0, Duration.ofMinutes(2), d -> {
                waits.add(d);
                clock.advance(d);
            }, clock);

    @Test
    void aMinuteOf429WithRetryAfter5_isWaitedOut_farBeyondSixAttempts() throws Exception {
        Instant end = clock.instant().plusSeconds(60);
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.call("read page", () -> {
            attempts.incrementAndGet();
            if (clock.instant().isBefore(end)) {
                throw new RetryableException("429", Duration.ofSeconds(5), null);
            }
            return "page";
        });

        assertThat(result).isEqualTo("page");
        assertThat(attempts.get()).isGreaterThan(6);
        assertThat(waits).as("what the remote asked, not a growing backoff beyond it")
                .containsOnly(Duration.ofSeconds(5)).hasSize(12);
        assertThat(clock.instant()).as("served as soon as the rate limit ended").isEqualTo(end);
    }

    @Test
    void whenTheNextWaitWouldCrossTheBudget_theCallGivesUpWithoutWaitingIt() {
        Instant start = clock.instant();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.call("read page", () -> {
            throw new RetryableException("503 #" + attempts.incrementAndGet(), Duration.ofSeconds(50), null);
        })).isInstanceOf(RetryableException.class).hasMessage("503 #3");

        assertThat(waits).containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(50));
        assertThat(Duration.between(start, clock.instant())).isLessThanOrEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aRetryAfterLongerThanTheWholeBudget_failsAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.call("batch", () -> {
            attempts.incrementAndGet();
            throw new RetryableException("429", Duration.ofMinutes(5), null);
        })).isInstanceOf(RetryableException.class);

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRetryAfterOfZero_waitsTheFirstBackoff_andNoRetryAfter_waitsTheGrowingBackoff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        policy.call("read page", () -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                throw new RetryableException("429", Duration.ZERO, null);
            }
            if (n < 5) {
                throw new RetryableException("reset", null);
            }
            return n;
        });

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void timeSpentInTheAttemptsThemselves_countsAgainstTheBudget() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.call("slow", () -> {
            attempts.incrementAndGet();
            clock.advance(Duration.ofSeconds(40));
            throw new RetryableException("timeout", null);
        })).isInstanceOf(RetryableException.class);

        assertThat(attempts).as("40 s, then 80 s plus a wait would cross 2 minutes").hasValue(3);
    }
}
