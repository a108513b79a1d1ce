package com.golisto.sync.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which of a store's runs {@link SyncEngine#runs} answers: newest first by id, optionally of one kind, with
 * one status, started at or after an instant, and below a run (the last run of the previous page).
 *
 * @param kind only runs of this kind; null for every kind
 * @param status only runs with this status; null for every status
 * @param since only runs started at or after this instant; null for every run
 * @param before only runs older than this one (smaller id); null for the newest
 * @param limit at most this many runs, 1 to {@value #MAX_LIMIT}
 */
public record RunQuery(@Nullable RunKind kind, @Nullable RunStatus status, @Nullable Instant since,
        @Nullable RunId before, int limit) {
    /** The most runs one query answers. */
    public static final int MAX_LIMIT = 1000;

    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    /** The newest runs of every kind and status. */
    public static RunQuery newest(int limit) {
        return new RunQuery(null, null, null, null, limit);
    }
}
