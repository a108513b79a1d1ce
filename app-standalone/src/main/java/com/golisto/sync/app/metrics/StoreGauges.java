package com.golisto.sync.app.metrics;

import com.golisto.sync.core.StoreMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-store gauges of {@code /metrics}, re-registered from one {@link StoreMetrics} list at each scrape, so
 * their {@code store} labels are exactly the registered stores. Not thread-safe: {@link RunnerMetrics} calls it
 * under its lock.
 */
final class StoreGauges {
    /** The webhook results always exported (0 until one happens), so a rate can be taken from the first scrape. */
    private static final List<String> RESULTS = List.of("accepted", "duplicate", "ignored", "ping", "rejected");

    private final Clock clock;
    private final MultiGauge listings;
    private final MultiGauge pending;
    private final MultiGauge lastSuccess;
    private final MultiGauge deliveries;
    private final MultiGauge orderLag;
    private final MultiGauge shopConcurrency;

    StoreGauges(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.listings = MultiGauge.builder("golisto.sync.store.listings")
                .description("Shop products mapped to a listing on the marketplace, by store")
                .register(registry);
        this.pending = MultiGauge.builder("golisto.sync.store.pending.work")
                .description("A store's pending work: products marked dirty by webhooks plus runs in progress")
                .register(registry);
        this.lastSuccess = MultiGauge.builder("golisto.sync.store.last.success")
                .description("When the store's latest successful run of a kind finished (Unix time, seconds)")
                .baseUnit("seconds")
                .register(registry);
        this.deliveries = MultiGauge.builder("golisto.sync.store.webhook.deliveries")
                .description("A store's inbound webhook deliveries since the runner started, by result")
                .register(registry);
        this.orderLag = MultiGauge.builder("golisto.sync.store.order.lag")
                .description("Seconds since the store's last successful order poll")
                .baseUnit("seconds")
                .register(registry);
        this.shopConcurrency = MultiGauge.builder("golisto.sync.shop.concurrency")
                .description("A store's current limit on shop requests in flight (adapts between 1 and the cap)")
                .register(registry);
    }

    void refresh(List<StoreMetrics> stores) {
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> listingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> pendingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> successRows = new ArrayList<>();
        List<MultiGauge.Row<?>> deliveryRows = new ArrayList<>();
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> concurrencyRows = new ArrayList<>();
        for (StoreMetrics s : stores) {
            Tags store = Tags.of("store", s.storeId());
            listingRows.add(MultiGauge.Row.of(store, s.listings()));
            pendingRows.add(MultiGauge.Row.of(store, s.pendingWork()));
            if (s.shopConcurrency() > 0) {
                concurrencyRows.add(MultiGauge.Row.of(store, s.shopConcurrency()));
            }
            s.lastSuccess().forEach((kind, at) -> successRows.add(MultiGauge.Row.of(
                    store.and("kind", kind.name().toLowerCase(Locale.ROOT)), at.toEpochMilli() / 1000.0)));
            Map<String, Long> counts = s.webhookDeliveries();
            for (String result : RESULTS) {
                deliveryRows.add(MultiGauge.Row.of(store.and("result", result), counts.getOrDefault(result, 0L)));
            }
            if (s.lastOrderPoll() != null) {
                Duration lag = Duration.between(s.lastOrderPoll(), now);
                lagRows.add(MultiGauge.Row.of(store, Math.max(0, lag.toMillis()) / 1000.0));
            }
        }
        listings.register(listingRows, true);
        pending.register(pendingRows, true);
        lastSuccess.register(successRows, true);
        deliveries.register(deliveryRows, true);
        orderLag.register(lagRows, true);
        shopConcurrency.register(concurrencyRows, true);
    }
}
