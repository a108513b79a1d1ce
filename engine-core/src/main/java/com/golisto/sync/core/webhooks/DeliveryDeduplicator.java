package com.golisto.sync.core.webhooks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Tells whether a webhook delivery is seen for the first time. A Caffeine window of recent delivery keys
 * answers repeats without touching the database; behind it, the state store's delivery table is the
 * authority (it survives restarts and is shared by every node). Thread-safe: two concurrent copies of one
 * delivery yield exactly one "first".
 */
public final class DeliveryDeduplicator {

    /** The durable record of deliveries. */
    @FunctionalInterface
    public interface Ledger {
        /**
         * Records a delivery key for a store.
         *
         * @return true when it was not recorded before
         */
        boolean recordFirst(String storeId, String deliveryKey);
    }

    private final Cache<String, Boolean> recent;
    private final Ledger ledger;

    /**
     * @param ledger the durable record
     * @param window how long keys stay in memory
     * @param maxKeys the most keys kept in memory
     * @param clock the engine's clock, which also ages the window
     */
    public DeliveryDeduplicator(Ledger ledger, Duration window, long maxKeys, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        Ticker ticker = () -> {
            java.time.Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.recent = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxKeys).ticker(ticker).build();
    }

    /** True exactly once per (store, delivery key). */
    public boolean firstTime(String storeId, String deliveryKey) {
        return firstTime(storeId, deliveryKey, () -> ledger.recordFirst(storeId, deliveryKey));
    }

    /**
     * True exactly once per (store, delivery key), recording it with {@code record} instead of the ledger (which
     * records the delivery and what it asks for in one transaction: the webhook inbox). When {@code record} throws,
     * nothing is remembered, so a redelivery is handled again.
     *
     * @param record records the delivery durably; true when it was not recorded before
     */
    public boolean firstTime(String storeId, String deliveryKey, BooleanSupplier record) {
        AtomicBoolean first = new AtomicBoolean();
        var unused = recent.get(storeId + '\u0000' + deliveryKey, key -> {
            first.set(record.getAsBoolean());
            return Boolean.TRUE;
        });
        return first.get();
    }
}
