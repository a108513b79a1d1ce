package com.golisto.sync.api.model;

import com.golisto.sync.api.annotations.Nullable;

/**
 * A product to create or replace on a marketplace, with the engine's fingerprint of its content.
 *
 * @param product the product as the shop has it
 * @param fingerprint the engine's stable content hash of the product; always present on listings the
 *     engine writes, {@code null} on a listing read back from a marketplace that holds none
 */
public record Listing(Product product, @Nullable String fingerprint) {

    public Listing {
        Checks.required(product, "listing product");
        if (fingerprint != null && fingerprint.isBlank()) {
            fingerprint = null;
        }
    }
}
