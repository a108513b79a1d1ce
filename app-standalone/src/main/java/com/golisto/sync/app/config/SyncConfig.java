package com.golisto.sync.app.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The schedules of every approved store.
 *
 * @param dailyFullSyncAt the time of day around which the daily full reconciliation runs
 * @param timeZone the zone of {@code dailyFullSyncAt}
 * @param incrementalInterval how often incremental passes run; positive
 * @param orderPollInterval how often sales are polled; positive
 * @param webhookDebounce how long product webhooks are coalesced; zero or positive
 * @param retries how failed requests and passes are retried
 * @param webhookBatchWindow after a webhook-triggered pass, how long a store's further webhooks wait to be synced
 *     together; zero or positive
 * @param deepCheckDays over how many days the daily pass re-reads every product whole; 1 to 366
 */
public record SyncConfig(LocalTime dailyFullSyncAt, ZoneId timeZone, Duration incrementalInterval,
                         Duration orderPollInterval, Duration webhookDebounce, Retries retries,
                         Duration webhookBatchWindow, int deepCheckDays) {

    /** The longest deep check, in days. */
    public static final int MAX_DEEP_CHECK_DAYS = 366;

    public SyncConfig {
        Objects.requireNonNull(dailyFullSyncAt, "dailyFullSyncAt");
        Objects.requireNonNull(timeZone, "timeZone");
        positive(incrementalInterval, "incremental interval");
        positive(orderPollInterval, "order poll interval");
        Objects.requireNonNull(webhookDebounce, "webhookDebounce");
        if (webhookDebounce.isNegative()) {
            throw new IllegalArgumentException("webhook debounce must not be negative");
        }
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(webhookBatchWindow, "webhookBatchWindow");
        if (webhookBatchWindow.isNegative()) {
            throw new IllegalArgumentException("webhook batch window must not be negative");
        }
        if (deepCheckDays < 1 || deepCheckDays > MAX_DEEP_CHECK_DAYS) {
            throw new IllegalArgumentException("deep check days must be 1 to " + MAX_DEEP_CHECK_DAYS);
        }
    }

    /** The schedules with the default webhook batch window (10 minutes) and deep check (7 days). */
    public SyncConfig(LocalTime dailyFullSyncAt, ZoneId timeZone, Duration incrementalInterval,
            Duration orderPollInterval, Duration webhookDebounce, Retries retries) {
        this(dailyFullSyncAt, timeZone, incrementalInterval, orderPollInterval, webhookDebounce, retries,
                Duration.ofMinutes(10), 7);
    }

    /** The schedules with the default retries. */
    public SyncConfig(LocalTime dailyFullSyncAt, ZoneId timeZone, Duration incrementalInterval,
            Duration orderPollInterval, Duration webhookDebounce) {
        this(dailyFullSyncAt, timeZone, incrementalInterval, orderPollInterval, webhookDebounce, Retries.defaults());
    }

    /**
     * How failures are retried ({@code sync.pass-retry.*}, {@code sync.retry.request-budget}).
     *
     * @param passRetryFirst the longest wait before a failed pass is retried; positive
     * @param passRetryMax the longest wait between retries of a pass that keeps failing; at least the first
     * @param requestBudget how long one request may keep retrying; positive
     */
    public record Retries(Duration passRetryFirst, Duration passRetryMax, Duration requestBudget) {
        public Retries {
            positive(passRetryFirst, "pass retry first");
            positive(passRetryMax, "pass retry max");
            positive(requestBudget, "request budget");
            if (passRetryMax.compareTo(passRetryFirst) < 0) {
                throw new IllegalArgumentException("pass retry max must not be shorter than pass retry first");
            }
        }

        /** A minute, doubling up to 30 minutes; a 2-minute budget per request. */
        public static Retries defaults() {
            return new Retries(Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofMinutes(2));
        }
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
