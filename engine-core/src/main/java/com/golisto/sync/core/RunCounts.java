package com.golisto.sync.core;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did, item by item. All counts are zero or more.
 *
 * @param read items read from the source (products from the shop, orders from the marketplace)
 * @param created items created at the target
 * @param updated items changed at the target (stock-only updates included)
 * @param deleted items removed at the target
 * @param unchanged items read that needed no write: listed as they are
 * @param failed items that failed permanently (each is in the dead letters)
 * @param requests remote requests made by both connectors during the run, retries included
 * @param skipped items read that are not listable (draft, no price, trashed, removed in shop…) and not listed,
 *     so nothing was written for them
 * @param skippedReasons the skipped items by reason, totalled (sums to {@code skipped}), sorted by reason
 */
public record RunCounts(long read, long created, long updated, long deleted, long unchanged, long failed,
        long requests, long skipped, Map<String, Long> skippedReasons) {

    public RunCounts {
        notNegative(skipped, "skipped");
        Map<String, Long> reasons = new TreeMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : skippedReasons.entrySet()) {
            notNegative(e.getValue(), "skipped for " + e.getKey());
            if (e.getValue() > 0) {
                reasons.put(e.getKey(), e.getValue());
                total += e.getValue();
            }
        }
        if (total != skipped && !reasons.isEmpty()) {
            throw new IllegalArgumentException("skipped reasons total " + total + ", skipped is " + skipped);
        }
        skippedReasons = Collections.unmodifiableMap(reasons);
        notNegative(read, "read");
        notNegative(created, "created");
        notNegative(updated, "updated");
        notNegative(deleted, "deleted");
        notNegative(unchanged, "unchanged");
        notNegative(failed, "failed");
        notNegative(requests, "requests");
    }

    private static void notNegative(long count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException("run counts must not be negative: " + what + " was " + count);
        }
    }

    /** Counts of a run that skipped nothing. */
    public RunCounts(long read, long created, long updated, long deleted, long unchanged, long failed, long requests) {
        this(read, created, updated, deleted, unchanged, failed, requests, 0, Map.of());
    }

    /** All zero. */
    public static RunCounts zero() {
        return new RunCounts(0, 0, 0, 0, 0, 0, 0);
    }

    /** The sum of both counts. */
    public RunCounts plus(RunCounts other) {
        Map<String, Long> reasons = new TreeMap<>(skippedReasons);
        other.skippedReasons.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
        return new RunCounts(read + other.read, created + other.created, updated + other.updated,
                deleted + other.deleted, unchanged + other.unchanged, failed + other.failed,
                requests + other.requests, skipped + other.skipped, reasons);
    }

    /** Items written: created plus updated plus deleted. */
    public long written() {
        return created + updated + deleted;
    }
}
