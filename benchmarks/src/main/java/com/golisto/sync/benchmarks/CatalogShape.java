package com.golisto.sync.benchmarks;

/**
 * The size of the shop's catalog, as the emulator holds it.
 *
 * @param products every product (what a complete read lists)
 * @param activeProducts the published ones (what the marketplace lists)
 * @param variableProducts products with variations
 * @param variations variations in all
 * @param variationPages the variation pages a complete read needs: per variable product,
 *     {@code ceil(variations / 100)}
 * @param categories product categories
 */
record CatalogShape(int products, int activeProducts, int variableProducts, int variations, long variationPages,
        int categories) {

    CatalogShape {
        if (products < 0 || activeProducts < 0 || activeProducts > products || variableProducts > products
                || variations < 0 || variationPages < 0 || categories < 0) {
            throw new IllegalArgumentException("inconsistent catalog shape");
        }
    }
}
