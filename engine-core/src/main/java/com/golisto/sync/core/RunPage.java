package com.golisto.sync.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a store's runs, newest first.
 *
 * @param runs the runs on this page
 * @param next the cursor of the next page (give it as {@link RunQuery#after()}), or null when this page is the last
 */
public record RunPage(List<RunView> runs, @Nullable RunId next) {

    public RunPage {
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
    }
}
