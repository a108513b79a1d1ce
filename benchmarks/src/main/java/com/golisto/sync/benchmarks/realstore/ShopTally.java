package com.golisto.sync.benchmarks.realstore;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests sent to the shop, by route ({@code "GET /products/{id}/variations"}, path below
 * {@code /wp-json/wc/v3}, numeric segments as {@code {id}}), with the time spent waiting for answers. Thread-safe.
 */
final class ShopTally {

    private static final String API = "/wp-json/wc/v3";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();
    private final LongAdder failures = new LongAdder();

    /** Counts one request; {@code status} below 200 or from 400 on counts as failed too. */
    void record(String method, String rawPath, int status, long elapsedNanos) {
        counts.computeIfAbsent(method + " " + route(rawPath), k -> new LongAdder()).increment();
        nanos.add(elapsedNanos);
        if (status < 200 || status >= 400) {
            failures.increment();
        }
    }

    static String route(String rawPath) {
        String path = rawPath.startsWith(API) ? rawPath.substring(API.length()) : rawPath;
        return path.replaceAll("/\\d+(?=/|$)", "/{id}");
    }

    /** Forgets everything counted so far. */
    void reset() {
        counts.clear();
        nanos.reset();
        failures.reset();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long writes() {
        return snapshot().entrySet().stream().filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().startsWith("HEAD "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    long failures() {
        return failures.sum();
    }

    /** Seconds spent waiting for the shop's answers, summed over requests (overlapping ones count twice). */
    double waitSeconds() {
        return nanos.sum() / 1e9;
    }
}
