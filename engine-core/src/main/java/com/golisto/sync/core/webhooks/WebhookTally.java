package com.golisto.sync.core.webhooks;

import com.golisto.sync.api.spi.WebhookVerdict;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Counts each registered store's inbound webhook deliveries by result since the engine started: {@code accepted},
 * {@code duplicate} (a repeated delivery), {@code ignored}, {@code ping}, {@code rejected}. Only deliveries for a
 * store the state store knows are counted, so the keys stay bounded by the registered stores. Thread-safe.
 */
public final class WebhookTally {
    /** The reason of a delivery dropped as a repeat of one already handled. */
    static final String REPEATED = "repeated delivery";

    private final Map<String, Map<String, LongAdder>> byStore = new ConcurrentHashMap<>();
    private final Map<String, RecentDeliveries> shopDeliveries = new ConcurrentHashMap<>();

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

    /** Notes a delivery from a known store's shop at a time (whatever its verdict), for the store's webhook health. */
    void shopDelivery(String storeId, Instant at) {
        shopDeliveries.computeIfAbsent(storeId, id -> new RecentDeliveries()).add(at);
    }

    /** When the store's shop last delivered a webhook to this engine; empty when none since it started. */
    public Optional<Instant> lastShopDelivery(String storeId) {
        RecentDeliveries recent = shopDeliveries.get(storeId);
        return recent == null ? Optional.empty() : recent.last();
    }

    /**
     * The store's shop deliveries to this engine in the hour before {@code now}, counted by whole minutes (the
     * minute of {@code now} and the 59 before it).
     */
    public long shopDeliveriesInLastHour(String storeId, Instant now) {
        RecentDeliveries recent = shopDeliveries.get(storeId);
        return recent == null ? 0 : recent.lastHour(now);
    }

    /** Forgets a store's counts (it was removed). */
    public void forget(String storeId) {
        byStore.remove(storeId);
        shopDeliveries.remove(storeId);
    }

    /** Deliveries per minute over the last hour in a ring of 60 buckets, and the latest time. Bounded memory. */
    private static final class RecentDeliveries {
        private static final int MINUTES = 60;
        private final long[] minute = new long[MINUTES];
        private final long[] count = new long[MINUTES];
        private @Nullable Instant last;

        synchronized void add(Instant at) {
            long m = Math.floorDiv(at.getEpochSecond(), 60);
            int i = (int) Math.floorMod(m, MINUTES);
            if (minute[i] != m) {
                minute[i] = m;
                count[i] = 0;
            }
            count[i]++;
            if (last == null || at.isAfter(last)) {
                last = at;
            }
        }

        synchronized Optional<Instant> last() {
            return Optional.ofNullable(last);
        }

        synchronized long lastHour(Instant now) {
            long m = Math.floorDiv(now.getEpochSecond(), 60);
            long n = 0;
            for (int i = 0; i < MINUTES; i++) {
                if (count[i] > 0 && minute[i] > m - MINUTES && minute[i] <= m) {
                    n += count[i];
                }
            }
            return n;
        }
    }
}
