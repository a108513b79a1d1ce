package com.golisto.sync.benchmarks;

import java.util.Objects;

/**
 * One change the {@code day} scenario made in the shop.
 *
 * @param productId the changed (or deleted) product, the parent for a variation change
 * @param kind what happened to it
 * @param content true for a price change (a catalog upsert), false for a stock change (inventory only);
 *     false for a deletion
 * @param variations the product's variations (0 for a simple product)
 */
record DayChange(String productId, Kind kind, boolean content, int variations) {

    /** The kinds of change a day brings, in the shares the scenario uses. */
    enum Kind {
        /** A merchant's save; its webhook is delivered. Half of the changes. */
        WEBHOOK,
        /** A merchant's save (date_modified moves) whose webhook is lost. A quarter. */
        LOST,
        /** A permanent delete ({@code force=true}), which fires no webhook. Half of the last quarter. */
        DELETE,
        /** A direct database edit: no date_modified, no webhook. The rest of the last quarter. */
        DIRECT
    }

    DayChange {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(kind, "kind");
        if (variations < 0) {
            throw new IllegalArgumentException("variations cannot be negative");
        }
    }
}
