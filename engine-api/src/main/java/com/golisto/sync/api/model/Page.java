package com.golisto.sync.api.model;

import java.util.List;
import java.util.Optional;
import com.golisto.sync.api.annotations.Nullable;

/**
 * One page of a paged read.
 *
 * @param items the items of this page, possibly empty
 * @param nextPageToken the token that reads the next page, {@code null} on the last page
 * @param cursor the position to resume change reads from once this page has been processed (for a
 *     full read, the position at which the read started), or {@code null} when the read does not
 *     define one
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String nextPageToken, @Nullable Cursor cursor) {

    public Page {
        items = List.copyOf(Checks.required(items, "page items"));
        if (nextPageToken != null && nextPageToken.isEmpty()) {
            nextPageToken = null;
        }
    }

    /** The token of the next page, when there is one. */
    public Optional<String> next() {
        return Optional.ofNullable(nextPageToken);
    }

    /** True when another page follows. */
    public boolean hasNext() {
        return nextPageToken != null;
    }
}
