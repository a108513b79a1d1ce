package com.golisto.sync.core.webhooks;

import com.golisto.sync.api.spi.WebhookVerdict;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts each registered store's inbound webhook deliveries by result since the engine started: {@code accepted},
 * {@code duplicate} (a repeated delivery), {@code ignored}, {@code ping}, {@code rejected}. Only deliveries for a
 * store the state store knows are counted, so the keys stay bounded by the registered stores. Thread-safe.
 */
public final class WebhookTally {
    /** The reason of a delivery dropped as a repeat of one already handled. */
    static final String REPEATED = "repeated delivery";

    private final Map<String, Map<String, LongAdder>> byStore = new ConcurrentHashMap<>();

    /** Counts one delivery for a known store. */
    void record(String storeId, WebhookVerdict verdict) {
        String result = switch (verdict) {
            case WebhookVerdict.Accepted a -> "accepted";
            case WebhookVerdict.Ping p -> "ping";
            case WebhookVerdict.Rejected r -> "rejected";
            case WebhookVerdict.Ignored i -> REPEATED.equals(i.reason()) ? "duplicate" : "ignored";
        };
        byStore.computeIfAbsent(storeId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(result, r -> new LongAdder()).increment();
    }

    /** The store's counts by result (results never seen are absent). */
    public Map<String, Long> of(String storeId) {
        Map<String, LongAdder> counts = byStore.get(storeId);
        Map<String, Long> copy = new TreeMap<>();
        if (counts != null) {
            counts.forEach((result, n) -> copy.put(result, n.sum()));
        }
        return copy;
    }

    /** Forgets a store's counts (it was removed). */
    public void forget(String storeId) {
        byStore.remove(storeId);
    }
}
