package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's state of one product or variation. Copy-on-write: an instance is never changed after
 * it was put into the store, so readers may serialise it without locks; writers {@link #copy()} it,
 * change the copy and replace it under the store's write lock.
 */
final class WooProduct {

    /** An image; {@code id} is its attachment id. */
    record Image(long id, String src, String name, String alt) {
    }

    /**
     * A product attribute ({@code options}, {@code visible}, {@code variation}) or a variation's chosen
     * option ({@code option}).
     */
    record Attribute(long id, String name, int position, boolean visible, boolean variation,
                     List<String> options, String option) {
        Attribute {
            options = options == null ? List.of() : List.copyOf(options);
            option = option == null ? "" : option;
        }
    }

    /** A {@code meta_data} entry. */
    record Meta(long id, String key, JsonNode value) {
    }

    long id;
    long parentId;
    String type = "simple";
    String status = "publish";
    String name = "";
    String slug = "";
    String sku = "";
    String description = "";
    String shortDescription = "";
    String regularPrice = "";
    String salePrice = "";
    /** {@code "true"}, {@code "false"} or (variations) {@code "parent"}. */
    String manageStock = "false";
    @Nullable Integer stockQuantity;
    String stockStatus = "instock";
    String backorders = "no";
    String weight = "";
    String length = "";
    String width = "";
    String height = "";
    String taxStatus = "taxable";
    String taxClass = "";
    List<Long> categoryIds = List.of();
    List<String> tags = List.of();
    List<Image> images = List.of();
    List<Attribute> attributes = List.of();
    List<Attribute> defaultAttributes = List.of();
    List<Long> groupedIds = List.of();
    String externalUrl = "";
    String buttonText = "";
    boolean virtual;
    boolean downloadable;
    boolean featured;
    String catalogVisibility = "visible";
    int menuOrder;
    int totalSales;
    /** Null until {@link WooStore#insert} stamps it (unless the caller chose it, as the generator does). */
    @Nullable Instant created;
    /** Null until {@link WooStore#insert} stamps it. */
    @Nullable Instant modified;
    List<Meta> meta = List.of();

    /** When it was created; set on every stored product. */
    Instant createdAt() {
        return Objects.requireNonNull(created, "the product was not inserted");
    }

    /** When it was last modified; set on every stored product. */
    Instant modifiedAt() {
        return Objects.requireNonNull(modified, "the product was not inserted");
    }

    boolean isVariation() {
        return "variation".equals(type);
    }

    /** The active price: the sale price when set, else the regular price; "" when neither. */
    String activePrice() {
        return salePrice.isEmpty() ? regularPrice : salePrice;
    }

    boolean onSale() {
        return !salePrice.isEmpty() && !regularPrice.isEmpty()
                && new BigDecimal(salePrice).compareTo(new BigDecimal(regularPrice)) < 0;
    }

    boolean managesOwnStock() {
        return "true".equals(manageStock);
    }

    WooProduct copy() {
        WooProduct c = new WooProduct();
        c.id = id;
        c.parentId = parentId;
        c.type = type;
        c.status = status;
        c.name = name;
        c.slug = slug;
        c.sku = sku;
        c.description = description;
        c.shortDescription = shortDescription;
        c.regularPrice = regularPrice;
        c.salePrice = salePrice;
        c.manageStock = manageStock;
        c.stockQuantity = stockQuantity;
        c.stockStatus = stockStatus;
        c.backorders = backorders;
        c.weight = weight;
        c.length = length;
        c.width = width;
        c.height = height;
        c.taxStatus = taxStatus;
        c.taxClass = taxClass;
        c.categoryIds = categoryIds;
        c.tags = tags;
        c.images = images;
        c.attributes = attributes;
        c.defaultAttributes = defaultAttributes;
        c.groupedIds = groupedIds;
        c.externalUrl = externalUrl;
        c.buttonText = buttonText;
        c.virtual = virtual;
        c.downloadable = downloadable;
        c.featured = featured;
        c.catalogVisibility = catalogVisibility;
        c.menuOrder = menuOrder;
        c.totalSales = totalSales;
        c.created = created;
        c.modified = modified;
        c.meta = meta;
        return c;
    }

    @Override
    public String toString() {
        return "WooProduct[" + id + " " + type + " " + sku + "]";
    }

    /** Stock status follows the quantity for products that manage their stock, as WooCommerce does. */
    void normaliseStock() {
        if (managesOwnStock() && stockQuantity != null) {
            if (stockQuantity > 0) {
                stockStatus = "instock";
            } else {
                stockStatus = "no".equals(backorders) ? "outofstock" : "onbackorder";
            }
        }
        if ("grouped".equals(type) || "external".equals(type)) {
            manageStock = "false";
            stockQuantity = null;
        }
        if (!managesOwnStock() && !"parent".equals(manageStock)) {
            stockQuantity = null;
        }
    }
}
