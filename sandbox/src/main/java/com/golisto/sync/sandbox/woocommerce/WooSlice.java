package com.golisto.sync.sandbox.woocommerce;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * One computed page of a list endpoint: the items of the page and the total that {@code X-WP-Total} reports.
 *
 * @param total how many items pass the filter, on every page
 * @param items the page's items
 */
record WooSlice<T>(int total, List<T> items) {

    /** Walks {@code source} once, counting what passes {@code filter} and keeping the page at {@code offset}. */
    static <T> WooSlice<T> of(Iterator<T> source, Predicate<T> filter, int offset, int limit) {
        int total = 0;
        List<T> items = new ArrayList<>(Math.max(0, Math.min(limit, 100)));
        while (source.hasNext()) {
            T item = source.next();
            if (!filter.test(item)) {
                continue;
            }
            if (total >= offset && items.size() < limit) {
                items.add(item);
            }
            total++;
        }
        return new WooSlice<>(total, items);
    }
}
