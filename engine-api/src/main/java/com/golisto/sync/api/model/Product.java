package com.golisto.sync.api.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.golisto.sync.api.annotations.Nullable;

/**
 * A product as a shop offers it, in neutral terms. A product with variants is bought through one of
 * its {@link #variants()}; its own {@link #price()} is then the lowest variant price, for display.
 *
 * @param id the shop's id for the product; never blank
 * @param sku stock keeping unit, {@code null} when none
 * @param title the name; never blank
 * @param descriptionHtml the long description as HTML, empty when none
 * @param shortDescriptionHtml the short description as HTML, empty when none
 * @param status whether the product is offered
 * @param price the regular price (lowest variant price for products with variants); never null
 * @param salePrice the reduced price when on sale, {@code null} otherwise
 * @param stock the product-level stock; never null
 * @param weight the shipping weight as the shop states it, {@code null} when none
 * @param images main image first, then the gallery
 * @param categories full category paths, e.g. {@code "Clothing > Hoodies"}
 * @param attributes attribute name to its values, in name order
 * @param variants the purchasable variants; empty for simple products
 * @param modifiedAt when the shop last changed the product (UTC), {@code null} when unknown
 */
public record Product(
        String id,
        @Nullable String sku,
        String title,
        String descriptionHtml,
        String shortDescriptionHtml,
        ProductStatus status,
        Money price,
        @Nullable Money salePrice,
        StockLevel stock,
        @Nullable String weight,
        List<Image> images,
        List<String> categories,
        Map<String, List<String>> attributes,
        List<Variant> variants,
        @Nullable Instant modifiedAt) {

    public Product {
        Checks.text(id, "product id");
        Checks.text(title, "product " + id + " title");
        descriptionHtml = Checks.orEmpty(descriptionHtml);
        shortDescriptionHtml = Checks.orEmpty(shortDescriptionHtml);
        Checks.required(status, "product " + id + " status");
        Checks.required(price, "product " + id + " price");
        if (salePrice != null && !salePrice.currency().equals(price.currency())) {
            throw new IllegalArgumentException("product " + id + ": sale price currency differs from price currency");
        }
        Checks.required(stock, "product " + id + " stock");
        if (sku != null && sku.isBlank()) {
            sku = null;
        }
        if (weight != null && weight.isBlank()) {
            weight = null;
        }
        images = List.copyOf(Checks.required(images, "product " + id + " images"));
        categories = List.copyOf(Checks.required(categories, "product " + id + " categories"));
        Checks.required(attributes, "product " + id + " attributes");
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        attributes.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
        attributes = Collections.unmodifiableSortedMap(sorted);
        variants = List.copyOf(Checks.required(variants, "product " + id + " variants"));
        for (Variant variant : variants) {
            if (!variant.price().currency().equals(price.currency())) {
                throw new IllegalArgumentException(
                        "product " + id + ": variant " + variant.id() + " is priced in another currency");
            }
        }
    }

    /** True when the product is bought through variants. */
    public boolean hasVariants() {
        return !variants.isEmpty();
    }

    /** A copy with another stock level (used by stock-only updates). */
    public Product withStock(StockLevel newStock) {
        return new Product(id, sku, title, descriptionHtml, shortDescriptionHtml, status, price, salePrice,
                newStock, weight, images, categories, attributes, variants, modifiedAt);
    }

    /** A copy with other variants. */
    public Product withVariants(List<Variant> newVariants) {
        return new Product(id, sku, title, descriptionHtml, shortDescriptionHtml, status, price, salePrice,
                stock, weight, images, categories, attributes, newVariants, modifiedAt);
    }
}
