package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps WooCommerce REST v3 product and variation JSON to the neutral {@link Product}:
 * <ul>
 * <li>prices arrive as strings; {@code ""} means none (a sale price of {@code ""} is no sale);</li>
 * <li>{@code publish} is offered, {@code draft}/{@code pending}/{@code private}/{@code future} are
 *     {@link ProductStatus#DRAFT}, {@code trash} is {@link ProductStatus#ARCHIVED};</li>
 * <li>grouped and external products are never offered (DRAFT): a grouped product is a display
 *     container of products listed on their own, an external one is sold on another site;</li>
 * <li>a product without any price (or a variable product without a purchasable variation) is DRAFT;</li>
 * <li>{@code stock_quantity} may be null; a variation with {@code manage_stock: "parent"} takes the
 *     parent's quantity;</li>
 * <li>{@code *_gmt} dates carry no zone and are read as UTC; descriptions stay HTML; categories become
 *     full paths.</li>
 * </ul>
 * Stateless.
 */
final class WooCommerceProductMapper {

    private WooCommerceProductMapper() {
    }

    /**
     * @param product the product JSON ({@code GET /products} item)
     * @param variations the variations JSON of a variable product ({@code GET /products/{id}/variations})
     */
    static Product map(JsonNode product, List<JsonNode> variations, WooCommerceCategories categories, Currency currency) {
        String id = product.path("id").asText();
        String type = product.path("type").asText("simple");
        String wcStatus = product.path("status").asText("publish");
        List<Variant> variants = new ArrayList<>();
        if ("variable".equals(type)) {
            for (JsonNode v : variations) {
                Variant variant = variant(v, product, currency);
                if (variant != null) {
                    variants.add(variant);
                }
            }
        }
        Money price;
        Money sale = null;
        if ("variable".equals(type)) {
            price = variants.stream().map(Variant::price).min(Money::compareTo).orElse(null);
        } else {
            price = money(product.path("regular_price").asText(""), currency);
            if (price == null) {
                price = money(product.path("price").asText(""), currency);
            } else {
                sale = saleBelow(money(product.path("sale_price").asText(""), currency), price);
            }
        }
        ProductStatus status = status(wcStatus);
        boolean offerable = "simple".equals(type) || "variable".equals(type);
        if (status == ProductStatus.ACTIVE && (!offerable || price == null)) {
            status = ProductStatus.DRAFT;
        }
        List<Image> images = new ArrayList<>();
        for (JsonNode img : product.path("images")) {
            String src = img.path("src").asText("");
            if (!src.isBlank()) {
                images.add(new Image(src, images.size(), img.path("alt").asText("")));
            }
        }
        List<String> paths = new ArrayList<>();
        for (JsonNode c : product.path("categories")) {
            paths.add(categories.path(c.path("id").asLong(), c.path("name").asText("")));
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (JsonNode a : product.path("attributes")) {
            List<String> options = new ArrayList<>();
            a.path("options").forEach(o -> options.add(o.asText()));
            if (!a.path("name").asText("").isBlank()) {
                attributes.put(a.path("name").asText(), options);
            }
        }
        String name = product.path("name").asText("");
        return new Product(id, product.path("sku").asText(""), name.isBlank() ? "Product " + id : name,
                product.path("description").asText(""), product.path("short_description").asText(""), status,
                price == null ? Money.zero(currency) : price, sale, stock(product, null),
                product.path("weight").asText(""), images, paths, attributes, variants,
                gmt(product.path("date_modified_gmt").asText("")));
    }

    /** A purchasable variation, or null for a disabled ({@code private}) or unpriced one. */
    private static @Nullable Variant variant(JsonNode v, JsonNode parent, Currency currency) {
        if (!"publish".equals(v.path("status").asText("publish"))) {
            return null;
        }
        Money price = money(v.path("regular_price").asText(""), currency);
        Money sale = null;
        if (price == null) {
            price = money(v.path("price").asText(""), currency);
        } else {
            sale = saleBelow(money(v.path("sale_price").asText(""), currency), price);
        }
        if (price == null) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (JsonNode a : v.path("attributes")) {
            String option = a.path("option").asText("");
            if (!option.isEmpty()) {
                options.put(a.path("name").asText(""), option);
            }
        }
        // from /variations a single "image"; from a /products?sku= read an "images" list (id 0: a placeholder)
        String image = v.path("image").isObject() ? v.path("image").path("src").asText("")
                : v.path("images").path(0).path("id").asLong(0) != 0 ? v.path("images").path(0).path("src").asText("")
                : "";
        return new Variant(v.path("id").asText(), v.path("sku").asText(""), options, price, sale, stock(v, parent),
                image.isBlank() ? null : image);
    }

    static ProductStatus status(String wcStatus) {
        return switch (wcStatus) {
            case "publish" -> ProductStatus.ACTIVE;
            case "trash" -> ProductStatus.ARCHIVED;
            default -> ProductStatus.DRAFT;
        };
    }

    private static StockLevel stock(JsonNode item, @Nullable JsonNode parent) {
        StockStatus status = switch (item.path("stock_status").asText("instock")) {
            case "outofstock" -> StockStatus.OUT_OF_STOCK;
            case "onbackorder" -> StockStatus.BACKORDER;
            default -> StockStatus.IN_STOCK;
        };
        JsonNode manage = item.path("manage_stock");
        JsonNode quantity = item.path("stock_quantity");
        if (manage.isTextual() && "parent".equals(manage.asText()) && parent != null) {
            quantity = parent.path("stock_quantity");
        } else if (!manage.asBoolean(false)) {
            return StockLevel.untracked(status);
        }
        return quantity.isNumber() ? StockLevel.of(quantity.asInt(), status) : StockLevel.untracked(status);
    }

    private static @Nullable Money saleBelow(@Nullable Money sale, Money regular) {
        return sale != null && sale.compareTo(regular) < 0 ? sale : null;
    }

    static @Nullable Money money(@Nullable String text, Currency currency) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Money.of(new BigDecimal(t.startsWith(".") ? "0" + t : t), currency);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A {@code *_gmt} value (no zone suffix) as UTC; null when absent or unparseable. */
    static @Nullable Instant gmt(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
