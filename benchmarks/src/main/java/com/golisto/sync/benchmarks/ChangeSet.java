package com.golisto.sync.benchmarks;

import java.util.List;
import java.util.Objects;

/**
 * Products changed in the shop for one scenario.
 *
 * @param productIds the changed products (parents, for a variation change), each once
 * @param contentChanges how many got a content change (a price), which needs a catalog upsert
 * @param stockChanges how many got only a stock change, which the inventory path can carry
 * @param variationPages the variation pages re-reading these products parent by parent needs
 * @param variations the variations of the changed variable products (what a bulk read by SKU re-reads)
 */
record ChangeSet(List<String> productIds, int contentChanges, int stockChanges, long variationPages, int variations) {

    ChangeSet {
        productIds = List.copyOf(Objects.requireNonNull(productIds, "productIds"));
        if (contentChanges + stockChanges != productIds.size()) {
            throw new IllegalArgumentException("each changed product is either a content or a stock change");
        }
        if (variationPages < 0 || variations < 0) {
            throw new IllegalArgumentException("variation counts cannot be negative");
        }
    }
}
