package com.golisto.sync.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A store's shop webhooks as this engine knows them: what its last check of the shop's subscriptions saw (the
 * counts are null until an incremental pass or approval checked them since this engine started) and the
 * deliveries it received. Immutable.
 *
 * @param registered the webhooks to the engine's URL, as the last check left them
 * @param active those of them delivering
 * @param disabled those the shop had disabled after failed deliveries before the last check re-activated them
 * @param checkedAt when the webhooks were last checked (from the state store)
 * @param problem what the last check found wrong (the {@value HealthCheck#WEBHOOKS} check's reason); null when
 *     nothing
 * @param lastDelivery when the shop last delivered a webhook to this engine; null when none since it started
 * @param deliveriesLastHour the shop's deliveries to this engine in the last hour (whole minutes)
 */
public record WebhookHealth(@Nullable Integer registered, @Nullable Integer active, @Nullable Integer disabled,
        @Nullable Instant checkedAt, @Nullable String problem, @Nullable Instant lastDelivery,
        long deliveriesLastHour) {

    public WebhookHealth {
        if (deliveriesLastHour < 0) {
            throw new IllegalArgumentException("deliveries must not be negative");
        }
    }
}
