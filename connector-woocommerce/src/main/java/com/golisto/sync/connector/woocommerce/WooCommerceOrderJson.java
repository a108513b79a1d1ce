package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.Address;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Payout;
import com.golisto.sync.api.model.Shipment;
import com.golisto.sync.api.spi.InvalidItemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a Golisto sale looks like as a WooCommerce order: the create body, the status mapping, the
 * metadata keys (one protected {@code _golisto_order_id} that {@code find} matches, visible
 * {@code golisto_*} keys for what the merchant reads in the order's Custom Fields box) and the note texts
 * with their idempotency markers. Stateless.
 *
 * <p>No {@code created_via} is sent: a real store (8.2) records {@code rest-api} whatever a REST client
 * says, so an order made here is recognised only by its metadata and its notes.
 */
final class WooCommerceOrderJson {

    /**
     * Protected (leading underscore, so not editable in the Custom Fields box): the Golisto order id, the
     * one key {@code find} matches to keep order creation exactly-once.
     */
    static final String ORDER_ID = "_golisto_order_id";
    /** Visible: the Golisto order id, for the merchant (never read back). */
    static final String VISIBLE_ORDER_ID = "golisto_order_id";
    /** Visible: the Golisto order number. */
    static final String ORDER_NUMBER = "golisto_order_number";
    /** Visible: the latest shipment's carrier. */
    static final String SHIPMENT_CARRIER = "golisto_shipment_carrier";
    /** Visible: the latest shipment's tracking number. */
    static final String TRACKING_NUMBER = "golisto_tracking_number";
    /** Visible: the latest shipment's tracking page. */
    static final String TRACKING_URL = "golisto_tracking_url";
    /** Visible: pending, scheduled or paid. */
    static final String PAYOUT_STATUS = "golisto_payout_status";
    /** Visible: what the merchant receives, e.g. {@code 37.50 EUR}. */
    static final String PAYOUT_AMOUNT = "golisto_payout_amount";
    /** Visible: Golisto's fee. */
    static final String PAYOUT_FEE = "golisto_payout_fee";
    /** Visible: the payout reference. */
    static final String PAYOUT_REFERENCE = "golisto_payout_reference";

    private WooCommerceOrderJson() {
    }

    /** Golisto status to WooCommerce status. */
    static String status(OrderStatus status) {
        return switch (status) {
            case PAID -> "processing";
            case SHIPPED, DELIVERED -> "completed";
            case CANCELLED -> "cancelled";
            case REFUNDED -> "refunded";
        };
    }

    /** The {@code POST /orders} body. */
    static ObjectNode createBody(Order order) {
        ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode();
        switch (order.status()) {
            // set_paid completes the payment: processing, paid date, stock reduced at once
            case PAID -> body.put("set_paid", true);
            case SHIPPED, DELIVERED -> body.put("status", "completed").put("set_paid", true);
            case CANCELLED -> body.put("status", "cancelled");
            case REFUNDED -> body.put("status", "refunded");
        }
        body.put("currency", order.currency().getCurrencyCode());
        body.put("payment_method", "golisto");
        body.put("payment_method_title", "Golisto");
        body.put("transaction_id", order.id());
        Address billing = order.billingAddress();
        body.set("billing", address(billing, order.buyer().name(),
                billing.email().isEmpty() ? order.buyer().email() : billing.email(), true));
        body.set("shipping", address(order.shippingAddress(), order.buyer().name(), "", false));
        ArrayNode lines = body.putArray("line_items");
        for (OrderLine line : order.lines()) {
            ObjectNode item = lines.addObject();
            item.put("product_id", id(line.productId(), line));
            if (line.variantId() != null) {
                item.put("variation_id", id(line.variantId(), line));
            }
            item.put("quantity", line.quantity());
            item.put("subtotal", line.total().toPlainString());
            item.put("total", line.total().toPlainString());
            ArrayNode meta = item.putArray("meta_data");
            meta.addObject().put("key", "_golisto_line_id").put("value", line.lineId());
        }
        ArrayNode shipping = body.putArray("shipping_lines");
        shipping.addObject().put("method_id", "golisto").put("method_title", "Golisto shipping")
                .put("total", order.shippingTotal().toPlainString());
        ArrayNode meta = body.putArray("meta_data");
        meta(order).forEach((k, v) -> meta.addObject().put("key", k).put("value", v));
        return body;
    }

    /** Every metadata value the order should carry, by key, in a stable order. */
    static Map<String, String> meta(Order order) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ORDER_ID, order.id());
        meta.put(VISIBLE_ORDER_ID, order.id());
        meta.put(ORDER_NUMBER, order.number());
        if (!order.shipments().isEmpty()) {
            Shipment latest = order.shipments().get(order.shipments().size() - 1);
            meta.put(SHIPMENT_CARRIER, latest.carrier());
            meta.put(TRACKING_NUMBER, latest.trackingNumber());
            meta.put(TRACKING_URL, latest.trackingUrl());
        }
        Payout payout = order.payout();
        if (payout != null) {
            meta.put(PAYOUT_STATUS, payout.status().name().toLowerCase(java.util.Locale.ROOT));
            meta.put(PAYOUT_AMOUNT, payout.amount().toString());
            meta.put(PAYOUT_FEE, payout.fee().toString());
            meta.put(PAYOUT_REFERENCE, payout.reference());
        }
        return meta;
    }

    /**
     * Note texts by marker: one saying Golisto Sync made the order, one per shipment and one per payout
     * status reached.
     */
    static Map<String, String> notes(Order order) {
        Map<String, String> notes = new LinkedHashMap<>();
        String created = "[golisto order " + order.id() + "]";
        notes.put(created, "Order created by Golisto Sync from Golisto sale " + order.number() + " (Golisto order id "
                + order.id() + "). " + created);
        for (Shipment s : order.shipments()) {
            String marker = "[golisto shipment " + s.id() + "]";
            StringBuilder text = new StringBuilder("Golisto shipment sent");
            if (!s.carrier().isEmpty()) {
                text.append(" with ").append(s.carrier());
            }
            if (!s.trackingNumber().isEmpty()) {
                text.append(", tracking number ").append(s.trackingNumber());
            }
            if (!s.trackingUrl().isEmpty()) {
                text.append(" (").append(s.trackingUrl()).append(')');
            }
            notes.put(marker, text.append(". ").append(marker).toString());
        }
        Payout payout = order.payout();
        if (payout != null) {
            String status = payout.status().name().toLowerCase(java.util.Locale.ROOT);
            String marker = "[golisto payout " + status + "]";
            String text = "Golisto payout " + status + ": " + payout.amount() + " (Golisto fee " + payout.fee() + ")"
                    + (payout.reference().isEmpty() ? "" : ", reference " + payout.reference()) + ". " + marker;
            notes.put(marker, text);
        }
        return notes;
    }

    /** The value of a metadata key in an order's JSON, or null. */
    static @Nullable String metaValue(JsonNode order, String key) {
        for (JsonNode m : order.path("meta_data")) {
            if (key.equals(m.path("key").asText())) {
                return m.path("value").asText(null);
            }
        }
        return null;
    }

    private static ObjectNode address(Address a, String buyerName, String email, boolean billing) {
        ObjectNode node = WooCommerceHttp.MAPPER.createObjectNode();
        String first = a.firstName();
        String last = a.lastName();
        if (first.isEmpty() && last.isEmpty() && !buyerName.isBlank()) {
            int space = buyerName.trim().lastIndexOf(' ');
            first = space < 0 ? buyerName.trim() : buyerName.trim().substring(0, space);
            last = space < 0 ? "" : buyerName.trim().substring(space + 1);
        }
        node.put("first_name", first).put("last_name", last).put("company", a.company())
                .put("address_1", a.address1()).put("address_2", a.address2()).put("city", a.city())
                .put("state", a.state()).put("postcode", a.postcode()).put("country", a.country())
                .put("phone", a.phone());
        if (billing) {
            node.put("email", email);
        }
        return node;
    }

    private static long id(String value, OrderLine line) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidItemException("golisto_unknown_product", "order line " + line.lineId()
                    + " names product '" + value + "', which is not a WooCommerce id");
        }
    }

    /** Statuses in the order a sale moves through them; the merchant's own moves are never undone. */
    static int rank(String wcStatus) {
        return switch (wcStatus) {
            case "pending", "checkout-draft" -> 0;
            case "on-hold", "failed" -> 1;
            case "processing" -> 2;
            case "completed" -> 3;
            default -> 4; // cancelled, refunded, trash: final
        };
    }

    static List<String> finalStatuses() {
        return List.of("cancelled", "refunded", "trash");
    }
}
