package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps the neutral {@link Listing} to the contract's {@code Product} JSON and back. Money goes out as
 * decimal strings in the product's currency; statuses as the contract's lower-case values.
 */
final class GolistoProductJson {

    private GolistoProductJson() {
    }

    static ObjectNode toJson(Listing listing) {
        Product product = listing.product();
        ObjectNode node = GolistoJson.object();
        node.put("external_id", product.id());
        node.put("sku", product.sku());
        node.put("title", product.title());
        node.put("description_html", product.descriptionHtml());
        node.put("short_description_html", product.shortDescriptionHtml());
        node.put("status", product.status().name().toLowerCase(Locale.ROOT));
        node.put("currency", product.price().currency().getCurrencyCode());
        node.put("price", GolistoJson.decimal(product.price()));
        putMoney(node, "sale_price", product.salePrice());
        putStock(node, product.stock());
        node.put("weight", product.weight());
        ArrayNode images = node.putArray("images");
        for (Image image : product.images()) {
            ObjectNode i = images.addObject();
            i.put("url", image.url());
            i.put("position", image.position());
            i.put("alt", image.alt());
        }
        ArrayNode categories = node.putArray("categories");
        product.categories().forEach(categories::add);
        ObjectNode attributes = node.putObject("attributes");
        product.attributes().forEach((name, values) -> {
            ArrayNode array = attributes.putArray(name);
            values.forEach(array::add);
        });
        ArrayNode variants = node.putArray("variants");
        for (Variant variant : product.variants()) {
            ObjectNode v = variants.addObject();
            v.put("external_id", variant.id());
            v.put("sku", variant.sku());
            ObjectNode options = v.putObject("options");
            variant.options().forEach(options::put);
            v.put("price", GolistoJson.decimal(variant.price()));
            putMoney(v, "sale_price", variant.salePrice());
            putStock(v, variant.stock());
            v.put("image_url", variant.imageUrl());
        }
        if (listing.fingerprint() != null) {
            node.put("fingerprint", listing.fingerprint());
        }
        return node;
    }

    static ObjectNode inventoryJson(InventoryUpdate update) {
        ObjectNode node = GolistoJson.object();
        node.put("external_id", update.productId());
        node.put("variant_external_id", update.variantId());
        putStock(node, update.stock());
        return node;
    }

    private static void putMoney(ObjectNode node, String field, @Nullable Money money) {
        if (money == null) {
            node.putNull(field);
        } else {
            node.put(field, GolistoJson.decimal(money));
        }
    }

    private static void putStock(ObjectNode node, StockLevel stock) {
        if (stock.quantity() == null) {
            node.putNull("quantity");
        } else {
            node.put("quantity", stock.quantity().intValue());
        }
        node.put("stock_status", stock.status().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a listing as Golisto holds it.
     *
     * @throws IllegalArgumentException when it does not fit the contract
     */
    static Listing fromJson(JsonNode node) {
        Currency currency = Money.currency(GolistoJson.text(node, "currency"));
        List<Image> images = new ArrayList<>();
        for (JsonNode image : node.path("images")) {
            images.add(new Image(GolistoJson.text(image, "url"), image.path("position").asInt(images.size()),
                    GolistoJson.textOrEmpty(image, "alt")));
        }
        List<String> categories = new ArrayList<>();
        node.path("categories").forEach(c -> categories.add(c.asText()));
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.path("attributes").properties()) {
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(v -> values.add(v.asText()));
            attributes.put(entry.getKey(), values);
        }
        List<Variant> variants = new ArrayList<>();
        for (JsonNode v : node.path("variants")) {
            Map<String, String> options = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : v.path("options").properties()) {
                options.put(entry.getKey(), entry.getValue().asText());
            }
            variants.add(new Variant(GolistoJson.text(v, "external_id"), GolistoJson.optionalText(v, "sku"), options,
                    GolistoJson.money(v, "price", currency), GolistoJson.optionalMoney(v, "sale_price", currency),
                    stock(v), GolistoJson.optionalText(v, "image_url")));
        }
        Product product = new Product(GolistoJson.text(node, "external_id"), GolistoJson.optionalText(node, "sku"),
                GolistoJson.text(node, "title"), GolistoJson.textOrEmpty(node, "description_html"),
                GolistoJson.textOrEmpty(node, "short_description_html"),
                ProductStatus.valueOf(GolistoJson.text(node, "status").toUpperCase(Locale.ROOT)),
                GolistoJson.money(node, "price", currency), GolistoJson.optionalMoney(node, "sale_price", currency),
                stock(node), GolistoJson.optionalText(node, "weight"), images, categories, attributes, variants,
                null);
        String fingerprint = GolistoJson.optionalText(node, "fingerprint");
        return new Listing(product, fingerprint);
    }

    private static StockLevel stock(JsonNode node) {
        StockStatus status = StockStatus.valueOf(GolistoJson.text(node, "stock_status").toUpperCase(Locale.ROOT));
        return new StockLevel(GolistoJson.optionalInt(node, "quantity"), status);
    }
}
