package com.golisto.sync.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which of a store's runs to list, newest first, one page at a time: optional filters on kind, status and start
 * time, and a cursor (the last run of the previous page) to continue after.
 *
 * @param kind only runs of this kind, or null for every kind
 * @param status only runs in this status, or null for every status
 * @param since only runs started at or after this instant, or null for all
 * @param after continue after this run (the previous page's {@link RunPage#next()}), or null for the first page
 * @param limit the most runs on the page, 1 to {@value #MAX_LIMIT}
 */
public record RunQuery(@Nullable RunKind kind, @Nullable RunStatus status, @Nullable Instant since,
        @Nullable RunId after, int limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The first page of every run, {@code limit} long. */
    public static RunQuery firstPage(int limit) {
        return new RunQuery(null, null, null, null, limit);
    }
}
