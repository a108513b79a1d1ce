package com.golisto.sync.benchmarks;

import java.util.Map;
import java.util.TreeMap;

/**
 * Requests the emulators received, by route key ({@code "GET /wp-json/wc/v3/products"}), from their
 * request logs.
 *
 * @param shop the WooCommerce emulator's counts
 * @param marketplace the Golisto emulator's counts
 */
record RequestCounts(Map<String, Long> shop, Map<String, Long> marketplace) {

    RequestCounts {
        shop = Map.copyOf(shop);
        marketplace = Map.copyOf(marketplace);
    }

    long shopTotal() {
        return shop.values().stream().mapToLong(Long::longValue).sum();
    }

    long marketplaceTotal() {
        return marketplace.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests that change something: every method but GET and HEAD. */
    static long writes(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().startsWith("HEAD "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The counts sorted by route, for the JSON line. */
    static Map<String, Long> sorted(Map<String, Long> counts) {
        return new TreeMap<>(counts);
    }
}
