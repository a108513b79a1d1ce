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
        if (read < 0 || created < 0 || updated < 0 || deleted < 0 || unchanged < 0 || failed < 0 || requests < 0) {
            throw new IllegalArgumentException("run counts must not be negative");
        }
    }

    /** All zero. */
    public static RunCounts zero() {
        return new RunCounts(0, 0, 0, 0, 0, 0, 0);
    }

    /** Items written: created plus updated plus deleted. */
    public long written() {
        return created + updated + deleted;
    }
}
