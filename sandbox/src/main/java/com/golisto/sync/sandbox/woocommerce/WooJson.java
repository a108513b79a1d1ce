package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the emulator's state as WooCommerce REST v3 JSON with Jackson's streaming generator (no
 * intermediate trees: a page of 100 products is written straight into the response buffer).
 */
final class WooJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final DateTimeFormatter WC_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    /** Writes one JSON value. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private final WooStore store;
    private final java.util.function.Supplier<String> home;
    private final ZoneId zone;
    private final String currencySymbol;

    WooJson(WooStore store, java.util.function.Supplier<String> home, ZoneId zone, String currencySymbol) {
        this.store = store;
        this.home = home;
        this.zone = zone;
        this.currencySymbol = currencySymbol;
    }

    static byte[] bytes(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] error(WooError e) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeStringField("code", e.code());
            g.writeStringField("message", e.getMessage());
            g.writeObjectFieldStart("data");
            g.writeNumberField("status", e.status());
            for (Map.Entry<String, Object> extra : e.data().entrySet()) {
                g.writeFieldName(extra.getKey());
                g.writeObject(extra.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static String slugify(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }

    String home() {
        return home.get();
    }

    void dates(JsonGenerator g, String prefix, @Nullable Instant at) throws IOException {
        if (at == null) {
            g.writeNullField(prefix);
            g.writeNullField(prefix + "_gmt");
            return;
        }
        g.writeStringField(prefix, WC_DATE.format(at.atZone(zone)));
        g.writeStringField(prefix + "_gmt", WC_DATE.format(at.atOffset(ZoneOffset.UTC)));
    }

    /** {@code GET /products/{id}}: a product, or a variation in product shape. */
    void product(JsonGenerator g, WooProduct p) throws IOException {
        WooProduct parent = p.isVariation() ? store.parent(p.parentId).orElse(null) : null;
        List<WooProduct> children = "variable".equals(p.type) ? store.variationsOf(p.id) : List.of();
        g.writeStartObject();
        g.writeNumberField("id", p.id);
        g.writeStringField("name", p.isVariation() ? WooDerived.variationName(p, parent) : p.name);
        g.writeStringField("slug", p.slug);
        g.writeStringField("permalink", home.get() + "/product/" + p.slug + "/");
        dates(g, "date_created", p.created);
        dates(g, "date_modified", p.modified);
        g.writeStringField("type", p.type);
        g.writeStringField("status", p.status);
        g.writeBooleanField("featured", p.featured);
        g.writeStringField("catalog_visibility", p.catalogVisibility);
        g.writeStringField("description", p.description);
        g.writeStringField("short_description", p.shortDescription);
        g.writeStringField("sku", p.sku);
        String price = switch (p.type) {
            case "variable" -> WooDerived.minPrice(children);
            case "grouped" -> WooDerived.minPrice(p.groupedIds.stream().map(store::get)
                    .flatMap(java.util.Optional::stream).toList());
            default -> p.activePrice();
        };
        boolean ownPrices = !"variable".equals(p.type) && !"grouped".equals(p.type);
        g.writeStringField("price", price);
        g.writeStringField("regular_price", ownPrices ? p.regularPrice : "");
        g.writeStringField("sale_price", ownPrices ? p.salePrice : "");
        saleDates(g);
        g.writeStringField("price_html", priceHtml(price));
        g.writeBooleanField("on_sale", ownPrices ? p.onSale() : children.stream().anyMatch(WooProduct::onSale));
        g.writeBooleanField("purchasable", !price.isEmpty() && !"grouped".equals(p.type));
        g.writeNumberField("total_sales", p.totalSales);
        downloads(g, p);
        g.writeStringField("external_url", p.externalUrl);
        g.writeStringField("button_text", p.buttonText);
        g.writeStringField("tax_status", p.taxStatus);
        g.writeStringField("tax_class", p.taxClass);
        stock(g, p, parent, children);
        g.writeBooleanField("sold_individually", false);
        weightAndDimensions(g, p);
        g.writeBooleanField("shipping_required", !p.virtual);
        g.writeBooleanField("shipping_taxable", !p.virtual);
        g.writeStringField("shipping_class", "");
        g.writeNumberField("shipping_class_id", 0);
        g.writeBooleanField("reviews_allowed", !p.isVariation());
        g.writeStringField("average_rating", "0.00");
        g.writeNumberField("rating_count", 0);
        g.writeArrayFieldStart("upsell_ids");
        g.writeEndArray();
        g.writeArrayFieldStart("cross_sell_ids");
        g.writeEndArray();
        g.writeNumberField("parent_id", p.parentId);
        g.writeStringField("purchase_note", "");
        g.writeArrayFieldStart("categories");
        for (Long id : p.categoryIds) {
            WooCategory c = store.categories().get(id).orElse(null);
            if (c != null) {
                g.writeStartObject();
                g.writeNumberField("id", c.id());
                g.writeStringField("name", c.name());
                g.writeStringField("slug", c.slug());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tags");
        for (String tag : p.tags) {
            g.writeStartObject();
            g.writeNumberField("id", Math.abs((long) tag.hashCode()) % 100_000);
            g.writeStringField("name", tag);
            g.writeStringField("slug", slugify(tag));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("images");
        for (WooProduct.Image image : p.images) {
            image(g, image, p.created);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("attributes");
        for (WooProduct.Attribute a : p.attributes) {
            if (p.isVariation()) {
                chosenAttribute(g, a);
            } else {
                g.writeStartObject();
                g.writeNumberField("id", a.id());
                g.writeStringField("name", a.name());
                g.writeNumberField("position", a.position());
                g.writeBooleanField("visible", a.visible());
                g.writeBooleanField("variation", a.variation());
                g.writeArrayFieldStart("options");
                for (String o : a.options()) {
                    g.writeString(o);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("default_attributes");
        for (WooProduct.Attribute a : p.defaultAttributes) {
            chosenAttribute(g, a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("variations");
        for (WooProduct v : children) {
            g.writeNumber(v.id);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("grouped_products");
        for (Long id : p.groupedIds) {
            g.writeNumber(id);
        }
        g.writeEndArray();
        g.writeNumberField("menu_order", p.menuOrder);
        g.writeArrayFieldStart("related_ids");
        g.writeEndArray();
        meta(g, p.meta);
        links(g, "/wp-json/wc/v3/products/" + p.id, "/wp-json/wc/v3/products",
                p.isVariation() ? "/wp-json/wc/v3/products/" + p.parentId : null);
        g.writeEndObject();
    }

    /** {@code GET /products/{id}/variations[/{vid}]}: no name, type or parent_id, a single image. */
    void variation(JsonGenerator g, WooProduct v) throws IOException {
        WooProduct parent = store.parent(v.parentId).orElse(null);
        g.writeStartObject();
        g.writeNumberField("id", v.id);
        dates(g, "date_created", v.created);
        dates(g, "date_modified", v.modified);
        g.writeStringField("description", v.description);
        g.writeStringField("permalink", home.get() + "/product/" + (parent == null ? "" : parent.slug + "/")
                + "?" + WooDerived.variationQuery(v));
        g.writeStringField("sku", v.sku);
        g.writeStringField("price", v.activePrice());
        g.writeStringField("regular_price", v.regularPrice);
        g.writeStringField("sale_price", v.salePrice);
        saleDates(g);
        g.writeBooleanField("on_sale", v.onSale());
        g.writeStringField("status", v.status);
        g.writeBooleanField("purchasable", !v.activePrice().isEmpty() && "publish".equals(v.status));
        downloads(g, v);
        g.writeStringField("tax_status", v.taxStatus);
        g.writeStringField("tax_class", v.taxClass);
        stock(g, v, parent, List.of());
        weightAndDimensions(g, v);
        g.writeStringField("shipping_class", "");
        g.writeNumberField("shipping_class_id", 0);
        if (v.images.isEmpty()) {
            g.writeNullField("image");
        } else {
            g.writeFieldName("image");
            image(g, v.images.get(0), v.created);
        }
        g.writeArrayFieldStart("attributes");
        for (WooProduct.Attribute a : v.attributes) {
            chosenAttribute(g, a);
        }
        g.writeEndArray();
        g.writeNumberField("menu_order", v.menuOrder);
        meta(g, v.meta);
        links(g, "/wp-json/wc/v3/products/" + v.parentId + "/variations/" + v.id,
                "/wp-json/wc/v3/products/" + v.parentId + "/variations", "/wp-json/wc/v3/products/" + v.parentId);
        g.writeEndObject();
    }

    void category(JsonGenerator g, WooCategory c, long count) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", c.id());
        g.writeStringField("name", c.name());
        g.writeStringField("slug", c.slug());
        g.writeNumberField("parent", c.parent());
        g.writeStringField("description", c.description());
        g.writeStringField("display", "default");
        g.writeNullField("image");
        g.writeNumberField("menu_order", 0);
        g.writeNumberField("count", count);
        links(g, "/wp-json/wc/v3/products/categories/" + c.id(), "/wp-json/wc/v3/products/categories", null);
        g.writeEndObject();
    }

    void meta(JsonGenerator g, List<WooProduct.Meta> meta) throws IOException {
        g.writeArrayFieldStart("meta_data");
        for (WooProduct.Meta m : meta) {
            g.writeStartObject();
            g.writeNumberField("id", m.id());
            g.writeStringField("key", m.key());
            g.writeFieldName("value");
            g.writeTree(m.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void links(JsonGenerator g, String self, String collection, @Nullable String up) throws IOException {
        g.writeObjectFieldStart("_links");
        link(g, "self", self);
        link(g, "collection", collection);
        if (up != null) {
            link(g, "up", up);
        }
        g.writeEndObject();
    }

    private void link(JsonGenerator g, String rel, String path) throws IOException {
        g.writeArrayFieldStart(rel);
        g.writeStartObject();
        g.writeStringField("href", home.get() + path);
        g.writeEndObject();
        g.writeEndArray();
    }

    private void stock(JsonGenerator g, WooProduct p, @Nullable WooProduct parent, List<WooProduct> children)
            throws IOException {
        if ("parent".equals(p.manageStock) && parent != null && parent.managesOwnStock()) {
            g.writeStringField("manage_stock", "parent");
            writeQuantity(g, parent.stockQuantity);
            g.writeStringField("stock_status", parent.stockStatus);
        } else {
            g.writeBooleanField("manage_stock", p.managesOwnStock());
            writeQuantity(g, p.managesOwnStock() ? p.stockQuantity : null);
            g.writeStringField("stock_status", "variable".equals(p.type) && !p.managesOwnStock()
                    ? WooDerived.stockStatus(children) : p.stockStatus);
        }
        g.writeStringField("backorders", p.backorders);
        g.writeBooleanField("backorders_allowed", !"no".equals(p.backorders));
        g.writeBooleanField("backordered", false);
        g.writeNullField("low_stock_amount");
    }

    private static void writeQuantity(JsonGenerator g, @Nullable Integer quantity) throws IOException {
        if (quantity == null) {
            g.writeNullField("stock_quantity");
        } else {
            g.writeNumberField("stock_quantity", quantity);
        }
    }

    private String priceHtml(String price) {
        if (price.isEmpty()) {
            return "";
        }
        return "<span class=\"woocommerce-Price-amount amount\"><bdi>" + price
                + "&nbsp;<span class=\"woocommerce-Price-currencySymbol\">" + currencySymbol + "</span></bdi></span>";
    }

    private static void saleDates(JsonGenerator g) throws IOException {
        g.writeNullField("date_on_sale_from");
        g.writeNullField("date_on_sale_from_gmt");
        g.writeNullField("date_on_sale_to");
        g.writeNullField("date_on_sale_to_gmt");
    }

    private static void downloads(JsonGenerator g, WooProduct p) throws IOException {
        g.writeBooleanField("virtual", p.virtual);
        g.writeBooleanField("downloadable", p.downloadable);
        g.writeArrayFieldStart("downloads");
        g.writeEndArray();
        g.writeNumberField("download_limit", -1);
        g.writeNumberField("download_expiry", -1);
    }

    private static void weightAndDimensions(JsonGenerator g, WooProduct p) throws IOException {
        g.writeStringField("weight", p.weight);
        g.writeObjectFieldStart("dimensions");
        g.writeStringField("length", p.length);
        g.writeStringField("width", p.width);
        g.writeStringField("height", p.height);
        g.writeEndObject();
    }

    private void image(JsonGenerator g, WooProduct.Image image, @Nullable Instant created) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", image.id());
        dates(g, "date_created", created);
        dates(g, "date_modified", created);
        g.writeStringField("src", image.src());
        g.writeStringField("name", image.name());
        g.writeStringField("alt", image.alt());
        g.writeEndObject();
    }

    private static void chosenAttribute(JsonGenerator g, WooProduct.Attribute a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", a.id());
        g.writeStringField("name", a.name());
        g.writeStringField("option", a.option());
        g.writeEndObject();
    }
}
