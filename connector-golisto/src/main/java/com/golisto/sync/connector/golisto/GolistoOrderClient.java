package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.RetryableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Golisto's sales as an {@link OrderSource}: {@code GET /api/woocommerce/orders} paged with
 * {@code updated_after}, {@code cursor} and {@code next_cursor} (see {@link GolistoOrderCursor} for the
 * stored position), {@code GET /api/woocommerce/orders/{id}}, and {@code POST .../ack} where 409 means a
 * newer version exists ({@link AckOutcome#STALE}). Thread-safe.
 */
final class GolistoOrderClient implements OrderSource {

    private static final String LIST = "GET /api/woocommerce/orders";
    private static final String ONE = "GET /api/woocommerce/orders/{id}";
    private static final String ACK = "POST /api/woocommerce/orders/{id}/ack";

    private final GolistoApiClient api;

    GolistoOrderClient(GolistoApiClient api) {
        this.api = api;
    }

    @Override
    public Page<Order> readChanged(Cursor since, @Nullable String pageToken) throws InterruptedException {
        GolistoOrderCursor start = GolistoOrderCursor.parse(since);
        StringBuilder query = new StringBuilder("/api/woocommerce/orders?limit=").append(api.config().pageSize());
        if (start != null) {
            query.append("&updated_after=").append(encode(start.updatedAfter().toString()));
        }
        if (pageToken != null && !pageToken.isEmpty()) {
            query.append("&cursor=").append(encode(pageToken));
        }
        JsonNode body = api.success(api.get(LIST, query.toString()));
        JsonNode orders = body.get("orders");
        if (orders == null || !orders.isArray()) {
            throw garbled(LIST, "no orders array");
        }
        List<Order> read = new ArrayList<>();
        for (JsonNode node : orders) {
            read.add(order(node, LIST));
        }
        List<Order> fresh = start == null ? read : read.stream().filter(o -> !start.covers(o)).toList();
        GolistoOrderCursor end = GolistoOrderCursor.after(start, read);
        JsonNode next = body.get("next_cursor");
        String nextToken = next == null || next.isNull() ? null : next.asText();
        return new Page<>(fresh, nextToken, end == null ? since : end.toCursor());
    }

    @Override
    public Optional<Order> read(String orderId) throws InterruptedException {
        GolistoResponse response = api.get(ONE, "/api/woocommerce/orders/" + GolistoCatalogClient.pathSegment(orderId));
        if (response.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(order(api.success(response), ONE));
    }

    @Override
    public AckOutcome acknowledge(String orderId, ShopOrderRef shopOrder, long version) throws InterruptedException {
        ObjectNode body = GolistoJson.object();
        body.put("shop_order_id", shopOrder.id());
        body.put("shop_order_number", shopOrder.number());
        body.put("version", version);
        GolistoResponse response = api.post(ACK,
                "/api/woocommerce/orders/" + GolistoCatalogClient.pathSegment(orderId) + "/ack", body);
        if (response.status() == 409) {
            return AckOutcome.STALE;
        }
        if (response.status() < 200 || response.status() > 299) {
            throw api.failure(response);
        }
        return AckOutcome.RECORDED;
    }

    private static Order order(JsonNode node, String endpoint) {
        try {
            return GolistoOrderJson.fromJson(node);
        } catch (RuntimeException e) {
            throw garbled(endpoint, "an order that does not fit the contract (" + e.getMessage() + ")");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RetryableException garbled(String endpoint, String what) {
        return new RetryableException("Golisto answered " + endpoint + " with " + what, null);
    }
}
