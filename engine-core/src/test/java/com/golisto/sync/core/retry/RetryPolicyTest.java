package com.golisto.sync.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.RetryableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), 0.0, waits::add);

    @Test
    void call_transientFailuresThenSuccess_retriesWithGrowingBackoff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String result = policy.call("test", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RetryableException("503", null);
            }
            return "ok";
        });

        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void call_retryAfterLongerThanBackoff_waitsRetryAfter() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        policy.call("test", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new RetryableException("429", Duration.ofSeconds(7), null);
            }
            return 1;
        });

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void call_attemptsExhausted_throwsLastFailure() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.call("test", () -> {
            throw new RetryableException("timeout " + attempts.incrementAndGet(), null);
        })).isInstanceOf(RetryableException.class).hasMessage("timeout 4");
        assertThat(waits).hasSize(3);
    }

    @Test
    void call_permanentFailure_isNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.call("test", () -> {
            attempts.incrementAndGet();
            throw new InvalidItemException("invalid", "bad item");
        })).isInstanceOf(InvalidItemException.class);
        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void call_jitter_staysWithinFactor() throws Exception {
        List<Duration> jittered = new ArrayList<>();
        RetryPolicy withJitter = new RetryPolicy(30, Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, jittered::add);
        AtomicInteger attempts = new AtomicInteger();

        withJitter.call("test", () -> {
            if (attempts.incrementAndGet() < 30) {
                throw new RetryableException("503", null);
            }
            return 1;
        });

        assertThat(jittered).hasSize(29).allSatisfy(d -> assertThat(d.toMillis()).isBetween(500L, 1500L));
        assertThat(jittered.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void call_retryAfterBeyondLimit_givesUpAtOnce() {
        assertThatThrownBy(() -> policy.call("test", () -> {
            throw new RetryableException("429", Duration.ofHours(1), null);
        })).isInstanceOf(RetryableException.class);
        assertThat(waits).isEmpty();
    }
}
