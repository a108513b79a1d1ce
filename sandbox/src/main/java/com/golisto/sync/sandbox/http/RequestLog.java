package com.golisto.sync.sandbox.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the requests an emulator received, by route key such as
 * {@code "GET /wp-json/wc/v3/products"} or {@code "GET /wp-json/wc/v3/products/{id}/variations"}.
 *
 * <p>Every request is counted before any fault is applied, so a request that got a 503 or a reset
 * is counted too. Thread-safe; counting is cheap enough for benchmarks (one {@link LongAdder} per key).
 */
public final class RequestLog {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Creates an empty log. */
    public RequestLog() {
    }

    /**
     * Counts one request.
     *
     * @param routeKey the route key, never null
     */
    public void record(String routeKey) {
        counts.computeIfAbsent(routeKey, k -> new LongAdder()).increment();
    }

    /**
     * Returns how many requests were counted under one key.
     *
     * @param routeKey a route key such as {@code "GET /wp-json/wc/v3/products"}
     * @return the count, 0 when never seen
     */
    public long count(String routeKey) {
        LongAdder adder = counts.get(routeKey);
        return adder == null ? 0 : adder.sum();
    }

    /** Returns the number of requests counted under every key. */
    public long total() {
        long sum = 0;
        for (LongAdder adder : counts.values()) {
            sum += adder.sum();
        }
        return sum;
    }

    /** Returns an immutable, key-sorted copy of all counts. */
    public Map<String, Long> snapshot() {
        TreeMap<String, Long> copy = new TreeMap<>();
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Forgets every count (for example between benchmark phases). */
    public void reset() {
        counts.clear();
    }

    @Override
    public String toString() {
        return "RequestLog" + snapshot();
    }
}
