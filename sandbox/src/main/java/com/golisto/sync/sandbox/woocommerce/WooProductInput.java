package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a REST request body to a product or variation as WooCommerce's controllers do, with the
 * WordPress schema's type checks ({@code rest_invalid_param} for a number where a string belongs).
 */
final class WooProductInput {

    private static final Set<String> STATUSES = Set.of("draft", "pending", "private", "publish", "future", "trash");
    private static final Set<String> TYPES = Set.of("simple", "grouped", "external", "variable");
    private static final Set<String> STOCK_STATUSES = Set.of("instock", "outofstock", "onbackorder");
    private static final Set<String> BACKORDERS = Set.of("no", "notify", "yes");

    private WooProductInput() {
    }

    /** Checks the body's field types before anything is applied. */
    static void validate(JsonNode body, boolean variation) {
        if (body == null || !body.isObject()) {
            throw new WooError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        for (String f : List.of("name", "slug", "sku", "description", "short_description", "regular_price",
                "sale_price", "weight", "external_url", "button_text", "tax_status", "tax_class",
                "catalog_visibility")) {
            JsonNode v = body.get(f);
            if (v != null && !v.isTextual()) {
                throw WooError.invalidParam(f, f + " is not of type string.");
            }
        }
        enumField(body, "status", STATUSES);
        if (!variation) {
            enumField(body, "type", TYPES);
        }
        enumField(body, "stock_status", STOCK_STATUSES);
        enumField(body, "backorders", BACKORDERS);
        JsonNode qty = body.get("stock_quantity");
        if (qty != null && !qty.isNull() && !qty.canConvertToInt()) {
            throw WooError.invalidParam("stock_quantity", "stock_quantity is not of type integer.");
        }
        JsonNode manage = body.get("manage_stock");
        if (manage != null && !manage.isBoolean() && !(variation && "parent".equals(manage.asText()))) {
            throw WooError.invalidParam("manage_stock", "manage_stock is not of type boolean.");
        }
    }

    private static void enumField(JsonNode body, String field, Set<String> allowed) {
        JsonNode v = body.get(field);
        if (v != null && (!v.isTextual() || !allowed.contains(v.asText()))) {
            throw WooError.invalidParam(field, field + " is not one of " + String.join(", ", allowed.stream()
                    .sorted().toList()) + ".");
        }
    }

    /** Applies the body; the store assigns ids, dates and checks SKUs afterwards. */
    static void apply(JsonNode body, WooProduct p, WooStore store) {
        text(body, "name", v -> p.name = v);
        text(body, "slug", v -> p.slug = v);
        text(body, "sku", v -> p.sku = v.trim());
        text(body, "description", v -> p.description = v);
        text(body, "short_description", v -> p.shortDescription = v);
        text(body, "status", v -> p.status = v);
        if (!p.isVariation()) {
            text(body, "type", v -> p.type = v);
        }
        text(body, "regular_price", v -> p.regularPrice = decimal(v));
        text(body, "sale_price", v -> p.salePrice = decimal(v));
        text(body, "stock_status", v -> p.stockStatus = v);
        text(body, "backorders", v -> p.backorders = v);
        text(body, "weight", v -> p.weight = v);
        text(body, "external_url", v -> p.externalUrl = v);
        text(body, "button_text", v -> p.buttonText = v);
        text(body, "tax_status", v -> p.taxStatus = v);
        text(body, "tax_class", v -> p.taxClass = v);
        text(body, "catalog_visibility", v -> p.catalogVisibility = v);
        if (body.has("manage_stock")) {
            JsonNode m = body.get("manage_stock");
            p.manageStock = m.isBoolean() ? Boolean.toString(m.asBoolean()) : "parent";
        }
        if (body.has("stock_quantity")) {
            JsonNode q = body.get("stock_quantity");
            p.stockQuantity = q.isNull() ? null : q.asInt();
        }
        bool(body, "featured", v -> p.featured = v);
        bool(body, "virtual", v -> p.virtual = v);
        bool(body, "downloadable", v -> p.downloadable = v);
        if (body.has("menu_order")) {
            p.menuOrder = body.get("menu_order").asInt();
        }
        JsonNode dims = body.get("dimensions");
        if (dims != null && dims.isObject()) {
            text(dims, "length", v -> p.length = v);
            text(dims, "width", v -> p.width = v);
            text(dims, "height", v -> p.height = v);
        }
        if (body.has("categories")) {
            List<Long> ids = new ArrayList<>();
            for (JsonNode c : body.get("categories")) {
                long id = c.path("id").asLong();
                if (store.categories().get(id).isPresent()) {
                    ids.add(id);
                }
            }
            p.categoryIds = List.copyOf(ids);
        }
        if (body.has("tags")) {
            List<String> tags = new ArrayList<>();
            for (JsonNode t : body.get("tags")) {
                tags.add(t.path("name").asText(t.asText()));
            }
            p.tags = List.copyOf(tags);
        }
        images(body, p, store);
        attributes(body, p);
        if (body.has("grouped_products")) {
            List<Long> ids = new ArrayList<>();
            body.get("grouped_products").forEach(n -> ids.add(n.asLong()));
            p.groupedIds = List.copyOf(ids);
        }
        if (body.has("meta_data")) {
            p.meta = upsertMeta(p.meta, body.get("meta_data"), store);
        }
        if ("variable".equals(p.type) || "grouped".equals(p.type)) {
            // WooCommerce ignores and blanks own prices of variable and grouped products
            p.regularPrice = "";
            p.salePrice = "";
        }
    }

    private static void images(JsonNode body, WooProduct p, WooStore store) {
        JsonNode single = p.isVariation() ? body.get("image") : null;
        JsonNode list = p.isVariation() ? null : body.get("images");
        List<JsonNode> given = new ArrayList<>();
        if (single != null && !single.isNull()) {
            given.add(single);
        } else if (list != null && list.isArray()) {
            list.forEach(given::add);
        } else if (single == null && list == null) {
            return;
        }
        List<WooProduct.Image> images = new ArrayList<>();
        for (JsonNode i : given) {
            long id = i.path("id").asLong(0);
            String src = i.path("src").asText("");
            if (id == 0 && src.isEmpty()) {
                continue;
            }
            WooProduct.Image existing = p.images.stream().filter(x -> x.id() == id).findFirst().orElse(null);
            if (id != 0 && existing != null) {
                images.add(existing);
            } else {
                String name = src.isEmpty() ? "" : src.substring(src.lastIndexOf('/') + 1).replaceAll("\\.[a-z]+$", "");
                images.add(new WooProduct.Image(id != 0 ? id : store.nextPostId(), src, i.path("name").asText(name),
                        i.path("alt").asText("")));
            }
        }
        p.images = List.copyOf(images);
    }

    private static void attributes(JsonNode body, WooProduct p) {
        if (body.has("attributes")) {
            List<WooProduct.Attribute> attrs = new ArrayList<>();
            int position = 0;
            for (JsonNode a : body.get("attributes")) {
                List<String> options = new ArrayList<>();
                a.path("options").forEach(o -> options.add(o.asText()));
                attrs.add(new WooProduct.Attribute(a.path("id").asLong(0), a.path("name").asText(""),
                        a.path("position").asInt(position++), a.path("visible").asBoolean(true),
                        a.path("variation").asBoolean(false), options, a.path("option").asText("")));
            }
            p.attributes = List.copyOf(attrs);
        }
        if (body.has("default_attributes")) {
            List<WooProduct.Attribute> defaults = new ArrayList<>();
            for (JsonNode a : body.get("default_attributes")) {
                defaults.add(new WooProduct.Attribute(a.path("id").asLong(0), a.path("name").asText(""), 0, true,
                        true, List.of(), a.path("option").asText("")));
            }
            p.defaultAttributes = List.copyOf(defaults);
        }
    }

    /** {@code meta_data} entries are upserts by id or key; omitted keys are kept. */
    static List<WooProduct.Meta> upsertMeta(List<WooProduct.Meta> current, JsonNode given, WooStore store) {
        List<WooProduct.Meta> meta = new ArrayList<>(current);
        for (JsonNode m : given) {
            long id = m.path("id").asLong(0);
            String key = m.path("key").asText("");
            JsonNode value = m.has("value") ? m.get("value").deepCopy() : TextNode.valueOf("");
            int at = -1;
            for (int i = 0; i < meta.size(); i++) {
                if ((id != 0 && meta.get(i).id() == id) || (id == 0 && meta.get(i).key().equals(key))) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                WooProduct.Meta old = meta.get(at);
                meta.set(at, new WooProduct.Meta(old.id(), key.isEmpty() ? old.key() : key, value));
            } else if (!key.isEmpty()) {
                meta.add(new WooProduct.Meta(store.nextMetaId(), key, value));
            }
        }
        return List.copyOf(meta);
    }

    private static String decimal(String v) {
        String t = v.trim();
        if (t.isEmpty()) {
            return "";
        }
        try {
            return new BigDecimal(t).toPlainString();
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static void text(JsonNode body, String field, java.util.function.Consumer<String> setter) {
        JsonNode v = body.get(field);
        if (v != null && v.isTextual()) {
            setter.accept(v.asText());
        }
    }

    private static void bool(JsonNode body, String field, java.util.function.Consumer<Boolean> setter) {
        JsonNode v = body.get(field);
        if (v != null && v.isBoolean()) {
            setter.accept(v.asBoolean());
        }
    }

}
