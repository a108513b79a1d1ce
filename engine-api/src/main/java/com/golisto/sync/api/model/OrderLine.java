package com.golisto.sync.api.model;

import com.golisto.sync.api.annotations.Nullable;

/**
 * One line of a marketplace sale.
 *
 * @param lineId the marketplace's id for the line; never blank
 * @param productId the shop's product id (as listed); never blank
 * @param variantId the shop's variant id, {@code null} for a product without variants
 * @param sku the SKU as listed, {@code null} when none
 * @param title the title as sold, empty when unknown
 * @param quantity units sold, at least 1
 * @param unitPrice price of one unit
 * @param total price of the line (normally unit price times quantity); same currency as unitPrice
 */
public record OrderLine(
        String lineId,
        String productId,
        @Nullable String variantId,
        @Nullable String sku,
        String title,
        int quantity,
        Money unitPrice,
        Money total) {

    public OrderLine {
        Checks.text(lineId, "order line id");
        Checks.text(productId, "order line " + lineId + " product id");
        if (variantId != null && variantId.isBlank()) {
            variantId = null;
        }
        title = Checks.orEmpty(title);
        if (quantity < 1) {
            throw new IllegalArgumentException("order line " + lineId + ": quantity must be at least 1, was " + quantity);
        }
        Checks.required(unitPrice, "order line " + lineId + " unit price");
        Checks.required(total, "order line " + lineId + " total");
        if (!unitPrice.currency().equals(total.currency())) {
            throw new IllegalArgumentException("order line " + lineId + ": unit price and total differ in currency");
        }
    }
}
