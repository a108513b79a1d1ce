package com.golisto.sync.core;

/**
 * What a run did, item by item. All counts are zero or more.
 *
 * @param read items read from the source (products from the shop, orders from the marketplace)
 * @param created items created at the target
 * @param updated items changed at the target (stock-only updates included)
 * @param deleted items removed at the target
 * @param unchanged items read that needed no write
 * @param failed items that failed permanently (each is in the dead letters)
 * @param requests remote requests made by both connectors during the run, retries included
 */
public record RunCounts(long read, long created, long updated, long deleted, long unchanged, long failed,
        long requests) {

    public RunCounts {
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

    /** All zero. */
    public static RunCounts zero() {
        return new RunCounts(0, 0, 0, 0, 0, 0, 0);
    }

    /** The sum of both counts. */
    public RunCounts plus(RunCounts other) {
        return new RunCounts(read + other.read, created + other.created, updated + other.updated,
                deleted + other.deleted, unchanged + other.unchanged, failed + other.failed,
                requests + other.requests);
    }

    /** Items written: created plus updated plus deleted. */
    public long written() {
        return created + updated + deleted;
    }
}
