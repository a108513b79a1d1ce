package com.golisto.sync.sandbox.woocommerce;

/**
 * What a catalog load added to the emulator.
 *
 * @param products parent products added (simple, variable, grouped, external)
 * @param variations variations added
 * @param categories categories that exist afterwards
 */
public record CatalogSummary(int products, int variations, int categories) {
}
