package com.golisto.sync.core.retry;

import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.RetryableException;
import dev.failsafe.Execution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries remote calls that fail with {@link RetryableException}: exponential backoff with jitter
 * (computed by Failsafe), or the remote's Retry-After when it gave one, for as long as the call's time
 * budget allows (and, when one is set, for at most a number of attempts). When the next wait would end
 * after the budget, the last failure is thrown at once: the run fails and the engine retries the whole
 * pass later. Every other exception passes through at once. Waiting goes through an injected
 * {@link ConnectorContext.Sleeper} and the budget is measured on an injected {@link Clock}, so tests
 * advance a clock instead of sleeping.
 *
 * <p>Failsafe's standalone {@link Execution} decides whether and how long to wait; this class does the
 * waiting itself, which is what makes the sleeper injectable. Thread-safe: each call has its own
 * execution.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
    /** Longest Retry-After honoured by a policy without a time budget. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final dev.failsafe.RetryPolicy<Object> policy;
    private final ConnectorContext.Sleeper sleeper;
    private final Duration initialBackoff;
    private final @Nullable Duration budget;
    private final Clock clock;

    /**
     * A policy limited by attempts only (a single wait longer than ten minutes also gives up).
     *
     * @param maxAttempts attempts in total, at least 1
     * @param initialBackoff the first wait
     * @param maxBackoff the longest computed wait (Retry-After may ask for more)
     * @param jitter how much each wait varies at random, 0 to 1 (0.25 = plus or minus 25 %)
     * @param sleeper how to wait
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
            ConnectorContext.Sleeper sleeper) {
        this(maxAttempts, initialBackoff, maxBackoff, jitter, null, sleeper, Clock.systemUTC());
    }

    /**
     * @param maxAttempts attempts in total, at least 1 ({@link Integer#MAX_VALUE}: only the budget limits)
     * @param initialBackoff the first wait
     * @param maxBackoff the longest computed wait (Retry-After may ask for more)
     * @param jitter how much each wait varies at random, 0 to 1 (0.25 = plus or minus 25 %)
     * @param budget how long one call may take, its attempts and waits together, measured on {@code clock};
     *     null for no budget (then a single wait over ten minutes gives up)
     * @param sleeper how to wait
     * @param clock what the budget is measured on (the engine's clock)
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter,
            @Nullable Duration budget, ConnectorContext.Sleeper sleeper, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            throw new IllegalArgumentException("the request budget must be positive, was " + budget);
        }
        var builder = dev.failsafe.RetryPolicy.builder()
                .handle(RetryableException.class)
                .withMaxAttempts(maxAttempts == Integer.MAX_VALUE ? -1 : maxAttempts);
        if (initialBackoff.isZero() || initialBackoff.equals(maxBackoff)) {
            builder.withDelay(initialBackoff);
        } else {
            builder.withBackoff(initialBackoff, maxBackoff);
        }
        if (jitter > 0 && !initialBackoff.isZero()) {
            builder.withJitter(jitter);
        }
        this.policy = builder.build();
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.initialBackoff = initialBackoff;
        this.budget = budget;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A remote call. */
    @FunctionalInterface
    public interface Call<T extends @Nullable Object> {
        /** Makes the call once. */
        T call() throws InterruptedException;
    }

    /**
     * Makes the call, retrying transient failures.
     *
     * @param what names the call in logs (no secrets)
     * @throws RetryableException the last failure, when attempts or the time budget ran out
     */
    public <T extends @Nullable Object> T call(String what, Call<T> call) throws InterruptedException {
        Execution<Object> execution = Execution.of(policy);
        Instant started = clock.instant();
        while (true) {
            try {
                T result = call.call();
                execution.recordResult(result);
                return result;
            } catch (RetryableException e) {
                execution.recordException(e);
                if (execution.isComplete()) {
                    throw e;
                }
                Duration wait = waitBefore(execution.getDelay(), e);
                if (!withinBudget(started, wait)) {
                    LOG.debug("{} failed ({}); the next attempt in {} would exceed the time budget", what,
                            e.getMessage(), wait);
                    throw e;
                }
                LOG.debug("{} failed ({}); attempt {} in {}", what, e.getMessage(), execution.getAttemptCount() + 1, wait);
                sleeper.sleep(wait);
            }
        }
    }

    /** Whether waiting {@code wait} now still ends within the call's budget. */
    private boolean withinBudget(Instant started, Duration wait) {
        if (budget == null) {
            return wait.compareTo(MAX_RETRY_AFTER) <= 0;
        }
        Duration elapsed = Duration.between(started, clock.instant());
        return elapsed.plus(wait).compareTo(budget) <= 0;
    }

    /**
     * The wait before the next attempt. When the remote said when to come back (Retry-After), exactly that,
     * but at least the first backoff (a {@code Retry-After: 0} does not make a busy loop): waiting longer
     * than the remote asked would only delay the work after a rate limit ends. Otherwise the computed
     * exponential backoff.
     */
    Duration waitBefore(Duration computed, RetryableException failure) {
        return failure.retryAfter().map(asked -> asked.compareTo(initialBackoff) > 0 ? asked : initialBackoff)
                .orElse(computed);
    }
}
