package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's state of one order; copy-on-write like {@link WooProduct}. Also writes the order's
 * REST v3 JSON: money fields as strings with two decimals, {@code line_items[].price} as a JSON number.
 */
final class WooOrder {

    static final List<String> ADDRESS_FIELDS = List.of("first_name", "last_name", "company", "address_1",
            "address_2", "city", "state", "postcode", "country", "email", "phone");

    /** One line item. */
    record Line(long id, String name, long productId, long variationId, int quantity, String subtotal,
                String total, String sku, List<WooProduct.Meta> meta) {
        Line {
            meta = List.copyOf(meta);
        }

        /** WooCommerce's {@code price}: total / quantity, a float (written as an integer when whole). */
        BigDecimal price() {
            return new BigDecimal(total).divide(BigDecimal.valueOf(quantity), 6, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
    }

    /** One shipping line. */
    record ShippingLine(long id, String methodId, String methodTitle, String total) {
    }

    /** One order note. */
    record Note(long id, long orderId, String author, Instant created, String note, boolean customerNote,
                boolean addedByUser) {
    }

    /**
     * What a real store (8.2) records as {@code created_via} for every REST-created order, whatever the
     * request says; the emulator therefore keeps no per-order value.
     */
    static final String CREATED_VIA_REST = "rest-api";

    long id;
    String orderKey = "";
    String status = "pending";
    String currency = "EUR";
    long customerId;
    String customerNote = "";
    Map<String, String> billing = emptyAddress();
    Map<String, String> shipping = emptyAddress();
    String paymentMethod = "";
    String paymentMethodTitle = "";
    String transactionId = "";
    List<Line> lines = List.of();
    List<ShippingLine> shippingLines = List.of();
    List<WooProduct.Meta> meta = List.of();
    final Instant created;
    Instant modified;
    @Nullable Instant paid;
    @Nullable Instant completed;
    boolean stockReduced;

    static Map<String, String> emptyAddress() {
        Map<String, String> a = new LinkedHashMap<>();
        ADDRESS_FIELDS.forEach(f -> a.put(f, ""));
        return a;
    }

    /** A new order created (and so last modified) at {@code created}. */
    WooOrder(Instant created) {
        this.created = created;
        this.modified = created;
    }

    WooOrder copy() {
        WooOrder c = new WooOrder(created);
        c.id = id;
        c.orderKey = orderKey;
        c.status = status;
        c.currency = currency;
        c.customerId = customerId;
        c.customerNote = customerNote;
        c.billing = new LinkedHashMap<>(billing);
        c.shipping = new LinkedHashMap<>(shipping);
        c.paymentMethod = paymentMethod;
        c.paymentMethodTitle = paymentMethodTitle;
        c.transactionId = transactionId;
        c.lines = lines;
        c.shippingLines = shippingLines;
        c.meta = meta;
        c.modified = modified;
        c.paid = paid;
        c.completed = completed;
        c.stockReduced = stockReduced;
        return c;
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    BigDecimal shippingTotal() {
        return shippingLines.stream().map(s -> new BigDecimal(s.total())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal total() {
        return lines.stream().map(l -> new BigDecimal(l.total())).reduce(shippingTotal(), BigDecimal::add);
    }

    void write(JsonGenerator g, WooJson json) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeNumberField("parent_id", 0);
        g.writeStringField("status", status);
        g.writeStringField("currency", currency);
        g.writeStringField("version", "8.2.2");
        g.writeBooleanField("prices_include_tax", false);
        json.dates(g, "date_created", created);
        json.dates(g, "date_modified", modified);
        g.writeStringField("discount_total", "0.00");
        g.writeStringField("discount_tax", "0.00");
        g.writeStringField("shipping_total", money(shippingTotal()));
        g.writeStringField("shipping_tax", "0.00");
        g.writeStringField("cart_tax", "0.00");
        g.writeStringField("total", money(total()));
        g.writeStringField("total_tax", "0.00");
        g.writeNumberField("customer_id", customerId);
        g.writeStringField("order_key", orderKey);
        address(g, "billing", billing, true);
        address(g, "shipping", shipping, true);
        g.writeStringField("payment_method", paymentMethod);
        g.writeStringField("payment_method_title", paymentMethodTitle);
        g.writeStringField("transaction_id", transactionId);
        g.writeStringField("customer_ip_address", "");
        g.writeStringField("customer_user_agent", "");
        g.writeStringField("created_via", CREATED_VIA_REST);
        g.writeStringField("customer_note", customerNote);
        json.dates(g, "date_completed", completed);
        json.dates(g, "date_paid", paid);
        g.writeStringField("cart_hash", "");
        g.writeStringField("number", Long.toString(id));
        json.meta(g, meta);
        g.writeArrayFieldStart("line_items");
        for (Line l : lines) {
            g.writeStartObject();
            g.writeNumberField("id", l.id());
            g.writeStringField("name", l.name());
            g.writeNumberField("product_id", l.productId());
            g.writeNumberField("variation_id", l.variationId());
            g.writeNumberField("quantity", l.quantity());
            g.writeStringField("tax_class", "");
            g.writeStringField("subtotal", l.subtotal());
            g.writeStringField("subtotal_tax", "0.00");
            g.writeStringField("total", l.total());
            g.writeStringField("total_tax", "0.00");
            g.writeArrayFieldStart("taxes");
            g.writeEndArray();
            json.meta(g, l.meta());
            g.writeStringField("sku", l.sku());
            BigDecimal price = l.price();
            if (price.scale() <= 0) {
                g.writeNumberField("price", price.longValueExact());
            } else {
                g.writeNumberField("price", price.doubleValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tax_lines");
        g.writeEndArray();
        g.writeArrayFieldStart("shipping_lines");
        for (ShippingLine s : shippingLines) {
            g.writeStartObject();
            g.writeNumberField("id", s.id());
            g.writeStringField("method_title", s.methodTitle());
            g.writeStringField("method_id", s.methodId());
            g.writeStringField("instance_id", "");
            g.writeStringField("total", s.total());
            g.writeStringField("total_tax", "0.00");
            g.writeArrayFieldStart("taxes");
            g.writeEndArray();
            g.writeArrayFieldStart("meta_data");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        for (String empty : List.of("fee_lines", "coupon_lines", "refunds")) {
            g.writeArrayFieldStart(empty);
            g.writeEndArray();
        }
        g.writeStringField("payment_url", json.home() + "/checkout/order-pay/" + id + "/?pay_for_order=true&key="
                + orderKey);
        g.writeBooleanField("is_editable", "pending".equals(status) || "on-hold".equals(status));
        g.writeBooleanField("needs_payment", "pending".equals(status) || "failed".equals(status));
        g.writeBooleanField("needs_processing", true);
        json.links(g, "/wp-json/wc/v3/orders/" + id, "/wp-json/wc/v3/orders", null);
        g.writeEndObject();
    }

    private static void address(JsonGenerator g, String name, Map<String, String> address, boolean withEmail)
            throws IOException {
        g.writeObjectFieldStart(name);
        for (String f : ADDRESS_FIELDS) {
            if (!withEmail && f.equals("email")) {
                continue;
            }
            g.writeStringField(f, address.getOrDefault(f, ""));
        }
        g.writeEndObject();
    }

    static void writeNote(JsonGenerator g, Note n, WooJson json) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", n.id());
        g.writeStringField("author", n.author());
        json.dates(g, "date_created", n.created());
        g.writeStringField("note", n.note());
        g.writeBooleanField("customer_note", n.customerNote());
        json.links(g, "/wp-json/wc/v3/orders/" + n.orderId() + "/notes/" + n.id(),
                "/wp-json/wc/v3/orders/" + n.orderId() + "/notes", "/wp-json/wc/v3/orders/" + n.orderId());
        g.writeEndObject();
    }
}
