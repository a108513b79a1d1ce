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
 */
public record SyncConfig(LocalTime dailyFullSyncAt, ZoneId timeZone, Duration incrementalInterval,
                         Duration orderPollInterval, Duration webhookDebounce) {
    public SyncConfig {
        Objects.requireNonNull(dailyFullSyncAt, "dailyFullSyncAt");
        Objects.requireNonNull(timeZone, "timeZone");
        positive(incrementalInterval, "incremental interval");
        positive(orderPollInterval, "order poll interval");
        Objects.requireNonNull(webhookDebounce, "webhookDebounce");
        if (webhookDebounce.isNegative()) {
            throw new IllegalArgumentException("webhook debounce must not be negative");
        }
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
