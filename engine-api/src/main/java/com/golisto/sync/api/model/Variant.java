package com.golisto.sync.api.model;

import java.util.Map;
import java.util.TreeMap;
import com.golisto.sync.api.annotations.Nullable;

/**
 * One purchasable variant of a product (a WooCommerce variation, a Shopify variant).
 *
 * @param id the shop's id for the variant; never blank
 * @param sku stock keeping unit, {@code null} when none
 * @param options attribute name to chosen option, e.g. {@code Color -> Blue}; kept in name order
 * @param price the regular price; never null
 * @param salePrice the reduced price when on sale, {@code null} otherwise; same currency as price
 * @param stock the variant's stock; never null
 * @param imageUrl the variant's own image, {@code null} when none
 */
public record Variant(
        String id,
        @Nullable String sku,
        Map<String, String> options,
        Money price,
        @Nullable Money salePrice,
        StockLevel stock,
        @Nullable String imageUrl) {

    public Variant {
        Checks.text(id, "variant id");
        Checks.required(options, "variant options");
        options = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(options));
        Checks.required(price, "variant price");
        if (salePrice != null && !salePrice.currency().equals(price.currency())) {
            throw new IllegalArgumentException("variant " + id + ": sale price currency differs from price currency");
        }
        Checks.required(stock, "variant stock");
        if (sku != null && sku.isBlank()) {
            sku = null;
        }
    }
}
