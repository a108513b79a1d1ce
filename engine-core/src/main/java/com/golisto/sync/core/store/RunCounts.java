package com.golisto.sync.core.store;

/**
 * What a sync run did, item by item. All counts are zero or more.
 *
 * @param read items read from the source
 * @param created items created at the target
 * @param updated items updated at the target
 * @param deleted items deleted at the target
 * @param unchanged items read that needed no write
 * @param failed items that failed (and went to the dead letters)
 * @param requests remote requests made
 */
public record RunCounts(
        long read, long created, long updated, long deleted, long unchanged, long failed, long requests) {

    private static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0, 0);

    public RunCounts {
        Require.notNegative(read, "read");
        Require.notNegative(created, "created");
        Require.notNegative(updated, "updated");
        Require.notNegative(deleted, "deleted");
        Require.notNegative(unchanged, "unchanged");
        Require.notNegative(failed, "failed");
        Require.notNegative(requests, "requests");
    }

    /** All zero. */
    public static RunCounts zero() {
        return ZERO;
    }

    /** The sum of both counts. */
    public RunCounts plus(RunCounts other) {
        return new RunCounts(read + other.read, created + other.created, updated + other.updated,
                deleted + other.deleted, unchanged + other.unchanged, failed + other.failed,
                requests + other.requests);
    }
}
