package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The merchant's hands in WooCommerce admin, for tests: every change goes through the same store
 * logic as the REST API and fires the webhooks WooCommerce would fire (a variation change fires
 * {@code product.updated} with the variation's id; a permanent delete fires nothing). Products are
 * read and written as WooCommerce REST v3 JSON. Thread-safe.
 */
public final class WooMerchant {

    private final WooCommerceEmulator emulator;

    WooMerchant(WooCommerceEmulator emulator) {
        this.emulator = emulator;
    }

    static JsonNode tree(byte[] json) {
        try {
            return WooJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return WooJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode render(WooProduct p) {
        return tree(WooJson.bytes(g -> emulator.json.product(g, p)));
    }

    /**
     * Creates a product from a REST-style JSON body (e.g. {@code {"name":"Cap","regular_price":"9.50"}}).
     *
     * @return the product as {@code GET /products/{id}} renders it
     */
    public JsonNode createProduct(String json) {
        JsonNode body = parse(json);
        WooProductInput.validate(body, false);
        WooProduct draft = new WooProduct();
        WooProductInput.apply(body, draft, emulator.store);
        return render(emulator.store.insert(draft));
    }

    /** Creates a variation of a variable product from a REST-style JSON body. */
    public JsonNode createVariation(long parentId, String json) {
        var unused = emulator.store.parent(parentId).orElseThrow(() -> new IllegalArgumentException("no product " + parentId));
        JsonNode body = parse(json);
        WooProductInput.validate(body, true);
        WooProduct draft = new WooProduct();
        draft.type = "variation";
        draft.parentId = parentId;
        WooProductInput.apply(body, draft, emulator.store);
        return render(emulator.store.insert(draft));
    }

    /** Changes a product or a variation (by its own id) with a REST-style JSON body. */
    public JsonNode update(long id, String json) {
        WooProduct current = existing(id);
        JsonNode body = parse(json);
        WooProductInput.validate(body, current.isVariation());
        return render(emulator.store.update(id, p -> WooProductInput.apply(body, p, emulator.store)));
    }

    /** Sets the regular price ({@code ""} for none). */
    public JsonNode setRegularPrice(long id, String price) {
        existing(id);
        return render(emulator.store.update(id, p -> p.regularPrice = price));
    }

    /** Sets the sale price ({@code ""} ends the sale). */
    public JsonNode setSalePrice(long id, String price) {
        existing(id);
        return render(emulator.store.update(id, p -> p.salePrice = price));
    }

    /** Manages stock on this product or variation and sets the quantity; null stops managing stock. */
    public JsonNode setStock(long id, @Nullable Integer quantity) {
        existing(id);
        return render(emulator.store.update(id, p -> {
            p.manageStock = quantity == null ? "false" : "true";
            p.stockQuantity = quantity;
        }));
    }

    /**
     * A direct database edit of a product's or variation's regular price and/or stock quantity (null
     * leaves it as it is): unlike every other change here it keeps {@code date_modified} (its own and its
     * parent's) and fires no webhook, so only a re-read of the item reveals it.
     */
    public JsonNode editInDatabase(long id, @Nullable String regularPrice, @Nullable Integer stockQuantity) {
        existing(id);
        return render(emulator.store.editDirectly(id, p -> {
            if (regularPrice != null) {
                p.regularPrice = regularPrice;
            }
            if (stockQuantity != null) {
                p.manageStock = "true";
                p.stockQuantity = stockQuantity;
            }
        }));
    }

    /** Sets the stock status of a product that does not manage stock. */
    public JsonNode setStockStatus(long id, String status) {
        existing(id);
        return render(emulator.store.update(id, p -> p.stockStatus = status));
    }

    /** Lets a variation take its stock from its parent ({@code manage_stock: "parent"}). */
    public JsonNode useParentStock(long variationId) {
        WooProduct v = existing(variationId);
        if (!v.isVariation()) {
            throw new IllegalArgumentException(variationId + " is not a variation");
        }
        return render(emulator.store.update(variationId, p -> {
            p.manageStock = "parent";
            p.stockQuantity = null;
        }));
    }

    /** Sets the status: publish, draft, pending, private. */
    public JsonNode setStatus(long id, String status) {
        existing(id);
        return render(emulator.store.update(id, p -> p.status = status));
    }

    /** Renames a product. */
    public JsonNode rename(long id, String name) {
        existing(id);
        return render(emulator.store.update(id, p -> p.name = name));
    }

    /** Moves a product to the trash ({@code product.deleted} with {@code {"id":N}}). */
    public JsonNode trash(long id) {
        return render(emulator.store.trash(id));
    }

    /** Restores a trashed product ({@code product.restored}). */
    public JsonNode restore(long id) {
        return render(emulator.store.untrash(id));
    }

    /** Deletes permanently, variations included; WooCommerce fires no webhook for this. */
    public void deletePermanently(long id) {
        emulator.store.deletePermanently(id);
    }

    /**
     * Creates a product category.
     *
     * @param name the name
     * @param parentId the parent category's id, 0 for a top-level one
     * @return the new category's id
     */
    public long createCategory(String name, long parentId) {
        return emulator.store.categories().create(name, parentId).id();
    }

    /** A product or variation as {@code GET /products/{id}} renders it. */
    public Optional<JsonNode> product(long id) {
        return emulator.store.get(id).map(this::render);
    }

    /** The variations of a product as {@code GET /products/{id}/variations} renders them. */
    public List<JsonNode> variations(long parentId) {
        return emulator.store.variationsOf(parentId).stream()
                .map(v -> tree(WooJson.bytes(g -> emulator.json.variation(g, v)))).toList();
    }

    /** The id of the product or variation holding a SKU (case-insensitive, as WooCommerce matches SKUs). */
    public Optional<Long> idBySku(String sku) {
        return emulator.store.bySku(sku).map(p -> p.id);
    }

    /** Ids of every parent product, ascending. */
    public List<Long> productIds() {
        return emulator.store.allParents().stream().map(p -> p.id).toList();
    }

    private WooProduct existing(long id) {
        return emulator.store.get(id).orElseThrow(() -> new IllegalArgumentException("no product or variation " + id));
    }
}
