package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Golisto's sales as the API serves them: {@code GET /api/woocommerce/orders} (oldest change first,
 * {@code updated_after} exclusive, opaque cursors), {@code GET /api/woocommerce/orders/{id}} and
 * {@code POST /api/woocommerce/orders/{id}/ack}. The {@link GolistoSalesSimulator} writes the orders
 * through {@link #add} and {@link #changed}. Uses the backend's lock for all state.
 */
final class GolistoOrders {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final Comparator<OrderRecord> CHANGE_ORDER =
            Comparator.comparing((OrderRecord o) -> o.updatedAt).thenComparingLong(o -> o.sequence);

    private final GolistoBackend backend;
    private final Map<String, OrderRecord> orders = new LinkedHashMap<>();
    private long nextSequence = 1;

    GolistoOrders(GolistoBackend backend) {
        this.backend = backend;
    }

    EmulatorResponse list(EmulatorRequest request) {
        synchronized (backend.lock) {
            ConnectionRecord connection = backend.approved(request);
            int limit = limit(request);
            Position after = request.queryParam("cursor").map(c -> Position.decode(c, connection.id)).orElse(null);
            Instant updatedAfter = after != null ? null : request.queryParam("updated_after").map(GolistoOrders::instant)
                    .orElse(null);
            List<OrderRecord> matching = orders.values().stream()
                    .filter(o -> o.connection == connection)
                    .filter(o -> updatedAfter == null || o.updatedAt.isAfter(updatedAfter))
                    .filter(o -> after == null || after.isBefore(o))
                    .sorted(CHANGE_ORDER)
                    .toList();
            List<OrderRecord> page = matching.subList(0, Math.min(limit, matching.size()));
            ObjectNode answer = Json.object();
            ArrayNode array = answer.putArray("orders");
            page.forEach(o -> array.add(o.toJson()));
            if (matching.size() > page.size()) {
                OrderRecord last = page.get(page.size() - 1);
                answer.put("next_cursor", new Position(connection.id, last.updatedAt, last.sequence).encode());
            } else {
                answer.putNull("next_cursor");
            }
            return EmulatorResponse.json(200, Json.write(answer));
        }
    }

    EmulatorResponse get(EmulatorRequest request, String orderId) {
        synchronized (backend.lock) {
            ConnectionRecord connection = backend.approved(request);
            return EmulatorResponse.json(200, Json.write(owned(connection, orderId).toJson()));
        }
    }

    EmulatorResponse ack(EmulatorRequest request, String orderId) {
        synchronized (backend.lock) {
            ConnectionRecord connection = backend.approved(request);
            OrderRecord order = owned(connection, orderId);
            JsonNode body = Json.parseObject(request);
            JsonNode shopOrderId = body.get("shop_order_id");
            if (shopOrderId == null || !shopOrderId.isTextual() || shopOrderId.asText().isBlank()) {
                throw ApiException.invalid("shop_order_id is required and must be a non-empty string");
            }
            JsonNode number = body.get("shop_order_number");
            if (number != null && !number.isNull() && !number.isTextual()) {
                throw ApiException.invalid("shop_order_number must be a string");
            }
            JsonNode version = body.get("version");
            if (version == null || !version.isIntegralNumber()) {
                throw ApiException.invalid("version is required and must be an integer");
            }
            long acked = version.asLong();
            if (acked > order.version) {
                throw ApiException.invalid("version " + acked + " is newer than the order's current version "
                        + order.version);
            }
            if (acked < order.version) {
                throw new ApiException(409, "stale_version", "order " + orderId + " is at version " + order.version
                        + "; fetch it again before acknowledging version " + acked);
            }
            order.ack = new OrderRecord.Ack(shopOrderId.asText(),
                    number == null || number.isNull() ? null : number.asText(), acked);
            ObjectNode answer = Json.object();
            answer.put("status", "recorded");
            answer.put("order_id", order.id);
            answer.put("version", acked);
            answer.put("shop_order_id", order.ack.shopOrderId());
            return EmulatorResponse.json(200, Json.write(answer));
        }
    }

    // ---- used by the sales simulator, under the backend lock ----

    long nextSequence() {
        return nextSequence++;
    }

    void add(OrderRecord order) {
        orders.put(order.id, order);
        backend.webhooks.enqueue(order.connection, "order.created", order.id, order.updatedAt);
    }

    void changed(OrderRecord order) {
        Instant now = backend.now();
        order.changed(now, nextSequence());
        backend.webhooks.enqueue(order.connection, "order.updated", order.id, now);
    }

    OrderRecord order(String orderId) {
        OrderRecord order = orders.get(orderId);
        if (order == null) {
            throw new IllegalArgumentException("no order " + orderId);
        }
        return order;
    }

    int size() {
        return orders.size();
    }

    Optional<GolistoAck> acknowledgement(String orderId) {
        synchronized (backend.lock) {
            OrderRecord.Ack ack = order(orderId).ack;
            return ack == null ? Optional.empty()
                    : Optional.of(new GolistoAck(ack.shopOrderId(), ack.shopOrderNumber(), ack.version()));
        }
    }

    JsonNode json(String orderId) {
        synchronized (backend.lock) {
            return order(orderId).toJson();
        }
    }

    // ---- helpers ----

    private OrderRecord owned(ConnectionRecord connection, String orderId) {
        OrderRecord order = orders.get(orderId);
        if (order == null || order.connection != connection) {
            throw ApiException.notFound("no order " + orderId);
        }
        return order;
    }

    private static int limit(EmulatorRequest request) {
        Optional<String> raw = request.queryParam("limit");
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // fall through to the validation error
        }
        throw ApiException.invalid("limit must be an integer from 1 to " + MAX_LIMIT + ", not " + raw.get());
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("updated_after must be an RFC 3339 date-time, not " + value);
        }
    }

    /** Where the previous page ended: the cursor's content, bound to one connection. */
    private record Position(String connectionId, Instant updatedAt, long sequence) {

        boolean isBefore(OrderRecord order) {
            int byTime = order.updatedAt.compareTo(updatedAt);
            return byTime > 0 || byTime == 0 && order.sequence > sequence;
        }

        String encode() {
            String raw = "v1|" + connectionId + "|" + updatedAt + "|" + sequence;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor, String connectionId) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|");
                if (parts.length == 4 && parts[0].equals("v1") && parts[1].equals(connectionId)) {
                    return new Position(parts[1], Instant.parse(parts[2]), Long.parseLong(parts[3]));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // fall through to the validation error
            }
            throw ApiException.invalid("cursor is not a cursor this API issued for this connection");
        }
    }
}
