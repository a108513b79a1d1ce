package com.golisto.sync.api.model;

/**
 * A product to create or replace on a marketplace, with the engine's fingerprint of its content.
 *
 * @param product the product as the shop has it
 * @param fingerprint the engine's stable content hash of the product; never blank
 */
public record Listing(Product product, String fingerprint) {

    public Listing {
        Checks.required(product, "listing product");
        Checks.text(fingerprint, "listing fingerprint");
    }
}
