package com.golisto.sync.api.model;

import com.golisto.sync.api.annotations.Nullable;

/**
 * A stock-only change to an existing listing.
 *
 * @param productId the shop's product id; never blank
 * @param variantId the shop's variant id, {@code null} for the product's own stock
 * @param stock the new stock
 */
public record InventoryUpdate(String productId, @Nullable String variantId, StockLevel stock) {

    public InventoryUpdate {
        Checks.text(productId, "inventory product id");
        if (variantId != null && variantId.isBlank()) {
            variantId = null;
        }
        Checks.required(stock, "inventory stock");
    }
}
