package com.golisto.sync.core;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a store's scheduled polls of one kind went, counted instead of stored one by one: a scheduled order
 * poll that wrote nothing (no order created or updated, none failed) leaves no run behind, it only counts
 * here. Polls that wrote something, polls the host asked for and failed polls are runs as usual.
 *
 * @param empty how many successful scheduled polls wrote nothing, since the store was registered
 * @param lastEmptyAt when the latest of them finished; {@code null} when there was none
 * @param lastPolledAt when the latest successful poll finished, empty or not; {@code null} when none did
 */
public record PollCounts(long empty, @Nullable Instant lastEmptyAt, @Nullable Instant lastPolledAt) {

    public PollCounts {
        if (empty < 0) {
            throw new IllegalArgumentException("empty poll count must not be negative, was " + empty);
        }
    }

    /** No poll counted yet. */
    public static PollCounts none() {
        return new PollCounts(0, null, null);
    }

    /** When the latest successful poll finished, if one did. */
    public Optional<Instant> lastPoll() {
        return Optional.ofNullable(lastPolledAt);
    }
}
