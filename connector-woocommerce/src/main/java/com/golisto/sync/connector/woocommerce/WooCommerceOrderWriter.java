package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.SyncException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Golisto sales as WooCommerce orders: {@code POST /orders} with the Golisto metadata (see
 * {@link WooCommerceOrderJson}), later {@code PUT /orders/{id}} for status and metadata, and order notes
 * (one on creation, one per shipment and payout event), each recognised by a marker in its text so that
 * {@link #update} is idempotent. {@link #find} pages backwards by date through recent orders and matches
 * the protected {@code _golisto_order_id} metadata (WooCommerce cannot filter by meta, and its
 * {@code created_via} always reads {@code rest-api}, so it tells nothing). Thread-safe.
 */
final class WooCommerceOrderWriter implements OrderTarget {

    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceOrderWriter.class);
    private static final DateTimeFormatter NAIVE_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private static final Duration SETTLE_MARGIN = Duration.ofSeconds(30);

    private final WooCommerceHttp http;
    private final String storeId;

    WooCommerceOrderWriter(WooCommerceHttp http, String storeId) {
        this.http = http;
        this.storeId = storeId;
    }

    @Override
    public ShopOrderRef create(Order order) throws InterruptedException {
        JsonNode created = http.send("POST", "/orders", "/orders", List.of(), WooCommerceOrderJson.createBody(order))
                .body();
        ShopOrderRef ref = ref(created);
        try {
            // a new order holds none of our notes: no need to list them first
            addNotes(ref, WooCommerceOrderJson.notes(order).values());
        } catch (SyncException e) {
            // the order exists: never fail its creation for a note; the next update adds what is missing
            LOG.warn("store {}: order {} created as {}, but its Golisto notes were not added yet: {}", storeId,
                    order.number(), ref.number(), e.getMessage());
        }
        return ref;
    }

    /**
     * The request timeout plus half a minute: PHP goes on saving an order whose client went away, and a
     * save outlasting the timeout by more than that is not expected.
     */
    @Override
    public Duration creationSettleTime() {
        return http.config().requestTimeout().plus(SETTLE_MARGIN);
    }

    @Override
    public Optional<ShopOrderRef> find(Order order) throws InterruptedException {
        Instant after = order.createdAt().minus(http.config().orderLookback());
        int page = 1;
        int pages;
        do {
            WooCommerceHttp.Response r = http.get("/orders", "/orders", WooCommerceHttp.params(
                    "after", NAIVE_UTC.format(after), "dates_are_gmt", "true", "orderby", "date", "order", "desc",
                    "per_page", "100", "page", Integer.toString(page), "_fields", "id,number,meta_data"));
            for (JsonNode o : r.body()) {
                if (order.id().equals(WooCommerceOrderJson.metaValue(o, WooCommerceOrderJson.ORDER_ID))) {
                    return Optional.of(ref(o));
                }
            }
            pages = r.totalPages();
            page++;
        } while (page <= pages);
        return Optional.empty();
    }

    @Override
    public void update(ShopOrderRef shopOrder, Order order) throws InterruptedException {
        JsonNode current = http.get("/orders/{id}", "/orders/" + shopOrder.id(), List.of()).body();
        ObjectNode change = WooCommerceHttp.MAPPER.createObjectNode();
        String now = current.path("status").asText("pending");
        String wanted = WooCommerceOrderJson.status(order.status());
        if (!now.equals(wanted) && !WooCommerceOrderJson.finalStatuses().contains(now)
                && (WooCommerceOrderJson.rank(wanted) > WooCommerceOrderJson.rank(now))) {
            change.put("status", wanted);
        }
        ArrayNode meta = WooCommerceHttp.MAPPER.createArrayNode();
        for (Map.Entry<String, String> e : WooCommerceOrderJson.meta(order).entrySet()) {
            if (!e.getValue().equals(WooCommerceOrderJson.metaValue(current, e.getKey()))) {
                meta.addObject().put("key", e.getKey()).put("value", e.getValue());
            }
        }
        if (!meta.isEmpty()) {
            change.set("meta_data", meta);
        }
        if (!change.isEmpty()) {
            http.send("PUT", "/orders/{id}", "/orders/" + shopOrder.id(), List.of(), change);
        }
        addMissingNotes(shopOrder, order);
    }

    private void addMissingNotes(ShopOrderRef ref, Order order) throws InterruptedException {
        Map<String, String> wanted = WooCommerceOrderJson.notes(order);
        if (wanted.isEmpty()) {
            return;
        }
        Set<String> present = new HashSet<>();
        JsonNode notes;
        try {
            notes = http.get("/orders/{id}/notes", "/orders/" + ref.id() + "/notes", List.of()).body();
        } catch (NotFoundException e) {
            throw new NotFoundException("WooCommerce order " + ref.number() + " no longer exists");
        }
        for (JsonNode n : notes) {
            String text = n.path("note").asText("");
            wanted.keySet().stream().filter(text::contains).forEach(present::add);
        }
        wanted.keySet().removeAll(present);
        addNotes(ref, wanted.values());
    }

    private void addNotes(ShopOrderRef ref, Collection<String> texts) throws InterruptedException {
        for (String text : texts) {
            ObjectNode body = WooCommerceHttp.MAPPER.createObjectNode().put("note", text).put("customer_note", false);
            http.send("POST", "/orders/{id}/notes", "/orders/" + ref.id() + "/notes", List.of(), body);
        }
    }

    private static ShopOrderRef ref(JsonNode order) {
        String id = order.path("id").asText();
        return new ShopOrderRef(id, order.path("number").asText(id));
    }
}
