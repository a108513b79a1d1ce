package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Golisto sale and everything that happened to it. Guarded by the {@link GolistoBackend} lock.
 * {@link #changed(Instant, long)} bumps the version and {@code updated_at} at every change.
 */
final class OrderRecord {

    final String id;
    final String number;
    final ConnectionRecord connection;
    final Instant createdAt;
    final String buyerName;
    final String buyerEmail;
    final GolistoAddress shipping;
    final GolistoAddress billing;
    final List<Line> lines;
    final BigDecimal shippingTotal;
    final BigDecimal total;
    final List<Shipment> shipments = new ArrayList<>();
    String status = "paid";
    long version = 1;
    Instant updatedAt;
    /** Global change sequence: orders are listed by (updated_at, sequence). */
    long sequence;
    @Nullable Payout payout;
    @Nullable Ack ack;

    OrderRecord(String id, String number, ConnectionRecord connection, Instant now, long sequence, String buyerName,
                String buyerEmail, GolistoAddress shipping, GolistoAddress billing, List<Line> lines,
                BigDecimal shippingTotal) {
        this.id = id;
        this.number = number;
        this.connection = connection;
        this.createdAt = now;
        this.updatedAt = now;
        this.sequence = sequence;
        this.buyerName = buyerName;
        this.buyerEmail = buyerEmail;
        this.shipping = shipping;
        this.billing = billing;
        this.lines = List.copyOf(lines);
        this.shippingTotal = shippingTotal;
        BigDecimal sum = shippingTotal;
        for (Line line : lines) {
            sum = sum.add(line.total());
        }
        this.total = sum;
    }

    void changed(Instant now, long nextSequence) {
        version++;
        updatedAt = now;
        sequence = nextSequence;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("number", number);
        node.put("version", version);
        node.put("status", status);
        node.put("currency", connection.currency);
        node.put("created_at", Json.time(createdAt));
        node.put("updated_at", Json.time(updatedAt));
        ObjectNode buyer = node.putObject("buyer");
        buyer.put("name", buyerName);
        buyer.put("email", buyerEmail);
        node.set("shipping_address", shipping.toJson());
        node.set("billing_address", billing.toJson());
        ArrayNode lineArray = node.putArray("lines");
        for (Line line : lines) {
            ObjectNode l = lineArray.addObject();
            l.put("line_id", line.lineId());
            l.put("external_id", line.externalId());
            l.put("variant_external_id", line.variantExternalId());
            l.put("sku", line.sku());
            l.put("title", line.title());
            l.put("quantity", line.quantity());
            l.put("unit_price", line.unitPrice().toPlainString());
            l.put("total", line.total().toPlainString());
        }
        node.put("shipping_total", shippingTotal.toPlainString());
        node.put("total", total.toPlainString());
        ArrayNode shipmentArray = node.putArray("shipments");
        for (Shipment shipment : shipments) {
            ObjectNode s = shipmentArray.addObject();
            s.put("id", shipment.id());
            s.put("carrier", shipment.carrier());
            s.put("tracking_number", shipment.trackingNumber());
            s.put("tracking_url", shipment.trackingUrl());
            s.put("shipped_at", Json.time(shipment.shippedAt()));
        }
        if (payout == null) {
            node.putNull("payout");
        } else {
            ObjectNode p = node.putObject("payout");
            p.put("status", payout.status);
            p.put("amount", payout.amount.toPlainString());
            p.put("fee", payout.fee.toPlainString());
            p.put("currency", connection.currency);
            if (payout.reference != null) {
                p.put("reference", payout.reference);
            }
            p.put("paid_at", payout.paidAt == null ? null : Json.time(payout.paidAt));
        }
        return node;
    }

    /** One order line; the unit price is the listing's price when the sale happened. */
    record Line(String lineId, String externalId, @Nullable String variantExternalId, @Nullable String sku,
                String title, int quantity, BigDecimal unitPrice) {
        BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** One parcel. */
    record Shipment(String id, String carrier, String trackingNumber, String trackingUrl, Instant shippedAt) {
    }

    /** What Golisto pays the merchant for this sale. */
    static final class Payout {
        String status = "pending";
        final BigDecimal amount;
        final BigDecimal fee;
        @Nullable String reference;
        @Nullable Instant paidAt;

        Payout(BigDecimal amount, BigDecimal fee) {
            this.amount = amount;
            this.fee = fee;
        }
    }

    /** The engine's acknowledgement. */
    record Ack(String shopOrderId, @Nullable String shopOrderNumber, long version) {
    }
}
