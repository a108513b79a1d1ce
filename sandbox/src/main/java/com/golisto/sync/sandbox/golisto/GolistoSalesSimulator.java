package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Test hooks that play Golisto's buyers and back office: sales of listed products and variants, shipment
 * with carrier and tracking, delivery, payouts pending → scheduled → paid, cancellations and refunds.
 * Every change bumps the order's version and {@code updated_at} (emulator clock) and queues a signed
 * {@code order.created} / {@code order.updated} webhook.
 *
 * <p>Illegal moves (shipping a cancelled order, selling an unlisted product) throw
 * {@link IllegalStateException} or {@link IllegalArgumentException}: they are test mistakes.
 * Thread-safe.
 */
public final class GolistoSalesSimulator {

    private static final Set<String> REFUNDABLE = Set.of("paid", "shipped", "delivered");

    private final GolistoBackend backend;
    private final GolistoOrders orders;
    private final BigDecimal feeRate;
    private long nextOrder = 1;
    private long nextShipment = 1;
    private long nextPayout = 1;

    GolistoSalesSimulator(GolistoBackend backend, GolistoOrders orders, BigDecimal feeRate) {
        this.backend = backend;
        this.orders = orders;
        this.feeRate = feeRate;
    }

    /**
     * A buyer pays for the sale: a new order in status {@code paid}, version 1, with a pending payout
     * (total minus Golisto's fee). Listed stock is decreased where Golisto tracks a quantity.
     *
     * @param sale what was bought
     * @return the new Golisto order id
     * @throws IllegalStateException when the store is not approved, a listing is not active or out of stock
     * @throws IllegalArgumentException when a listing or variant does not exist
     */
    public String create(GolistoSale sale) {
        String id;
        synchronized (backend.lock) {
            ConnectionRecord connection = backend.connection(sale.connectionId());
            if (connection.status != GolistoConnectionStatus.APPROVED) {
                throw new IllegalStateException("sales happen only on approved stores; "
                        + connection.id + " is " + connection.status.wireName());
            }
            List<OrderRecord.Line> lines = new ArrayList<>();
            Map<ListingRecord, ObjectNode> before = new HashMap<>();
            try {
                for (GolistoSale.Line line : sale.lines()) {
                    ListingRecord listing = connection.listings.get(line.externalId());
                    if (listing != null) {
                        before.putIfAbsent(listing, listing.product.deepCopy());
                    }
                    lines.add(sellLine(connection, line, lines.size() + 1));
                }
            } catch (RuntimeException e) {
                // a refused sale leaves no trace: put back the stock taken by earlier lines
                before.forEach((listing, product) -> listing.product = product);
                throw e;
            }
            long number = nextOrder++;
            id = "gord_" + number;
            OrderRecord order = new OrderRecord(id, "G-" + (100000 + number), connection, backend.now(),
                    orders.nextSequence(), sale.buyerName(), sale.buyerEmail(), sale.shippingAddress(),
                    sale.billingAddress(), lines, sale.shippingTotal());
            int digits = Math.max(0, Currency.getInstance(connection.currency).getDefaultFractionDigits());
            BigDecimal fee = order.total.multiply(feeRate).setScale(digits, RoundingMode.HALF_UP);
            order.payout = new OrderRecord.Payout(order.total.subtract(fee), fee);
            orders.add(order);
        }
        backend.webhooks.afterHook();
        return id;
    }

    private OrderRecord.Line sellLine(ConnectionRecord connection, GolistoSale.Line line, int position) {
        ListingRecord listing = connection.listings.get(line.externalId());
        if (listing == null) {
            throw new IllegalArgumentException("no listing " + line.externalId() + " on " + connection.id);
        }
        if (!"active".equals(Json.text(listing.product, "status"))) {
            throw new IllegalStateException("listing " + line.externalId() + " is not active");
        }
        ObjectNode sold = listing.product;
        // the validator accepted no listing without a title
        String title = Objects.requireNonNull(Json.text(listing.product, "title"), "title");
        if (listing.hasVariants()) {
            if (line.variantExternalId() == null) {
                throw new IllegalArgumentException("listing " + line.externalId() + " has variants: name one");
            }
            sold = listing.variant(line.variantExternalId());
            if (sold == null) {
                throw new IllegalArgumentException("listing " + line.externalId() + " has no variant "
                        + line.variantExternalId());
            }
            List<String> options = new ArrayList<>();
            sold.path("options").forEach(o -> options.add(o.asText()));
            title = title + (options.isEmpty() ? "" : " - " + String.join(", ", options));
        } else if (line.variantExternalId() != null) {
            throw new IllegalArgumentException("listing " + line.externalId() + " has no variants");
        }
        takeStock(listing, sold, line.quantity());
        String price = Json.text(sold, "sale_price") != null ? Json.text(sold, "sale_price") : Json.text(sold, "price");
        String sku = Json.text(sold, "sku") != null ? Json.text(sold, "sku") : Json.text(listing.product, "sku");
        return new OrderRecord.Line("gl_" + position, line.externalId(), line.variantExternalId(), sku, title,
                line.quantity(), new BigDecimal(price));
    }

    private void takeStock(ListingRecord listing, ObjectNode sold, int quantity) {
        String status = Json.text(sold, "stock_status");
        JsonNode held = sold.get("quantity");
        if (held == null || held.isNull()) {
            if ("out_of_stock".equals(status)) {
                throw new IllegalStateException("listing " + listing.externalId + " is out of stock");
            }
            return;
        }
        int left = held.asInt() - quantity;
        if (left < 0 && !"backorder".equals(status)) {
            throw new IllegalStateException("listing " + listing.externalId + " has only " + held.asInt()
                    + " in stock");
        }
        sold.set("quantity", IntNode.valueOf(left));
        if (left <= 0 && "in_stock".equals(status)) {
            sold.set("stock_status", TextNode.valueOf("out_of_stock"));
        }
        listing.touch(backend.now());
    }

    /** The seller shipped the order (again, for a second parcel): status {@code shipped}. */
    public void ship(String orderId, String carrier, String trackingNumber, String trackingUrl) {
        change(orderId, order -> {
            requireStatus(order, Set.of("paid", "shipped"), "ship");
            order.shipments.add(new OrderRecord.Shipment("gshp_" + nextShipment++, carrier, trackingNumber,
                    trackingUrl, backend.now()));
            order.status = "shipped";
        });
    }

    /** The carrier delivered the order: status {@code delivered}. */
    public void deliver(String orderId) {
        change(orderId, order -> {
            requireStatus(order, Set.of("shipped"), "deliver");
            order.status = "delivered";
        });
    }

    /** The order is cancelled before shipping; its unpaid payout is dropped. */
    public void cancel(String orderId) {
        change(orderId, order -> {
            requireStatus(order, Set.of("paid"), "cancel");
            order.status = "cancelled";
            dropUnpaidPayout(order);
        });
    }

    /** The buyer is refunded; an unpaid payout is dropped. */
    public void refund(String orderId) {
        change(orderId, order -> {
            requireStatus(order, REFUNDABLE, "refund");
            order.status = "refunded";
            dropUnpaidPayout(order);
        });
    }

    /** The payout is scheduled and gets its reference: payout status {@code scheduled}. */
    public void schedulePayout(String orderId) {
        change(orderId, order -> {
            OrderRecord.Payout payout = requirePayout(order, "pending");
            payout.status = "scheduled";
            payout.reference = "GPO-" + (5000 + nextPayout++);
        });
    }

    /** The payout is paid to the merchant: payout status {@code paid} with {@code paid_at}. */
    public void payPayout(String orderId) {
        change(orderId, order -> {
            OrderRecord.Payout payout = requirePayout(order, "scheduled");
            payout.status = "paid";
            payout.paidAt = backend.now();
        });
    }

    /** The order as {@code GET /api/woocommerce/orders/{id}} returns it. */
    public JsonNode order(String orderId) {
        return orders.json(orderId);
    }

    /** The engine's acknowledgement of an order, if it sent one. */
    public Optional<GolistoAck> acknowledgement(String orderId) {
        return orders.acknowledgement(orderId);
    }

    /** How many orders exist over all connections. */
    public int orderCount() {
        synchronized (backend.lock) {
            return orders.size();
        }
    }

    private void change(String orderId, java.util.function.Consumer<OrderRecord> mutation) {
        synchronized (backend.lock) {
            OrderRecord order = orders.order(orderId);
            mutation.accept(order);
            orders.changed(order);
        }
        backend.webhooks.afterHook();
    }

    private static void requireStatus(OrderRecord order, Set<String> allowed, String move) {
        if (!allowed.contains(order.status)) {
            throw new IllegalStateException("cannot " + move + " order " + order.id + " in status " + order.status);
        }
    }

    private static OrderRecord.Payout requirePayout(OrderRecord order, String status) {
        OrderRecord.Payout payout = order.payout;
        if (payout == null || !status.equals(payout.status)) {
            throw new IllegalStateException("order " + order.id + " has no " + status + " payout");
        }
        return payout;
    }

    private static void dropUnpaidPayout(OrderRecord order) {
        if (order.payout != null && !"paid".equals(order.payout.status)) {
            order.payout = null;
        }
    }
}
