package com.golisto.sync.core.runs;

import java.util.ArrayList;
import java.util.List;

/** Splits work into batches no larger than a remote accepts. Stateless. */
public final class Batches {

    private Batches() {}

    /**
     * Consecutive slices of at most {@code maxSize} items, in order; empty for an empty list.
     *
     * @throws IllegalArgumentException when {@code maxSize} is below 1
     */
    public static <T> List<List<T>> of(List<T> items, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + maxSize);
        }
        List<List<T>> batches = new ArrayList<>((items.size() + maxSize - 1) / maxSize);
        for (int from = 0; from < items.size(); from += maxSize) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + maxSize))));
        }
        return batches;
    }
}
