package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.net.URI;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The order, order note and webhook endpoints of {@code /wp-json/wc/v3}.
 */
final class WooOrderRoutes {

    private static final Set<String> ORDER_ORDERBY = Set.of("date", "id", "include", "title", "slug", "modified");

    private final WooOrders orders;
    private final WooWebhooks webhooks;
    private final WooJson json;
    private final ZoneId zone;
    private final Supplier<URI> base;

    WooOrderRoutes(WooOrders orders, WooWebhooks webhooks, WooJson json, ZoneId zone, Supplier<URI> base) {
        this.orders = orders;
        this.webhooks = webhooks;
        this.json = json;
        this.zone = zone;
        this.base = base;
    }

    EmulatorResponse list(EmulatorRequest req) {
        WooRequests.ListParams params = WooRequests.listParams(req, ORDER_ORDERBY, "date", false);
        List<String> statuses = WooRequests.stringList(req, "status");
        Predicate<WooOrder> f = statuses.isEmpty() || statuses.contains("any")
                ? o -> !"trash".equals(o.status) : o -> statuses.contains(o.status);
        List<Long> include = WooRequests.idList(req, "include");
        if (!include.isEmpty()) {
            Set<Long> ids = new HashSet<>(include);
            f = f.and(o -> ids.contains(o.id));
        }
        Optional<String> search = req.queryParam("search");
        if (search.isPresent()) {
            String needle = search.get().toLowerCase(Locale.ROOT);
            // order search covers addresses and ids, never custom meta
            f = f.and(o -> Long.toString(o.id).equals(needle)
                    || String.join(" ", o.billing.values()).toLowerCase(Locale.ROOT).contains(needle)
                    || String.join(" ", o.shipping.values()).toLowerCase(Locale.ROOT).contains(needle));
        }
        Optional<String> product = req.queryParam("product");
        if (product.isPresent()) {
            long pid = Long.parseLong(product.get().trim());
            f = f.and(o -> o.lines.stream().anyMatch(l -> l.productId() == pid));
        }
        f = WooRequests.dateRange(f, WooRequests.dateFilter(req, "after", zone),
                WooRequests.dateFilter(req, "before", zone), o -> o.created);
        f = WooRequests.dateRange(f, WooRequests.dateFilter(req, "modified_after", zone),
                WooRequests.dateFilter(req, "modified_before", zone), o -> o.modified);
        WooSlice<WooOrder> slice = orders.list(f, params.orderby(), params.ascending(), params.skip(),
                params.perPage());
        byte[] body = WooJson.bytes(g -> {
            g.writeStartArray();
            for (WooOrder o : slice.items()) {
                o.write(g, json);
            }
            g.writeEndArray();
        });
        return WooRequests.paged(req, base.get(), params, slice.total(), body);
    }

    EmulatorResponse get(long id) {
        WooOrder o = orders.get(id).orElseThrow(() ->
                new WooError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID."));
        return EmulatorResponse.json(200, WooJson.bytes(g -> o.write(g, json)));
    }

    EmulatorResponse create(EmulatorRequest req) {
        WooOrder o = orders.create(WooRequests.body(req));
        return EmulatorResponse.json(201, WooJson.bytes(g -> o.write(g, json)))
                .withHeader("Location", base.get() + "/wp-json/wc/v3/orders/" + o.id);
    }

    EmulatorResponse update(EmulatorRequest req, long id) {
        WooOrder o = orders.update(id, WooRequests.body(req));
        return EmulatorResponse.json(200, WooJson.bytes(g -> o.write(g, json)));
    }

    EmulatorResponse delete(EmulatorRequest req, long id) {
        WooOrder o = orders.delete(id, WooRequests.boolParam(req, "force"));
        return EmulatorResponse.json(200, WooJson.bytes(g -> o.write(g, json)));
    }

    EmulatorResponse batch(EmulatorRequest req) {
        JsonNode body = WooRequests.body(req);
        int total = body.path("create").size() + body.path("update").size() + body.path("delete").size();
        if (total > 100) {
            throw new WooError(413, "woocommerce_rest_request_entity_too_large",
                    "Unable to accept more than 100 items for this request.");
        }
        byte[] out = WooJson.bytes(g -> {
            g.writeStartObject();
            for (String part : List.of("create", "update", "delete")) {
                if (!body.has(part)) {
                    continue;
                }
                g.writeArrayFieldStart(part);
                for (JsonNode item : body.get(part)) {
                    long id = "delete".equals(part) ? item.asLong(0) : item.path("id").asLong(0);
                    try {
                        WooOrder o = switch (part) {
                            case "create" -> orders.create(item);
                            case "update" -> orders.update(id, item);
                            default -> orders.delete(id, true);
                        };
                        o.write(g, json);
                    } catch (WooError e) {
                        WooProductRoutes.itemError(g, "create".equals(part) ? 0 : id, e);
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        });
        return EmulatorResponse.json(200, out);
    }

    // ------------------------------------------------------------------ notes

    EmulatorResponse listNotes(EmulatorRequest req, long orderId) {
        var unused = orders.get(orderId).orElseThrow(() -> new WooError(404, "woocommerce_rest_order_invalid_id", "Invalid order ID."));
        String type = req.queryParam("type").orElse("any");
        List<WooOrder.Note> notes = orders.notes(orderId).stream()
                .filter(n -> "any".equals(type) || ("customer".equals(type) == n.customerNote()))
                .toList();
        return EmulatorResponse.json(200, WooJson.bytes(g -> {
            g.writeStartArray();
            for (WooOrder.Note n : notes) {
                WooOrder.writeNote(g, n, json);
            }
            g.writeEndArray();
        }));
    }

    EmulatorResponse createNote(EmulatorRequest req, long orderId) {
        JsonNode body = WooRequests.body(req);
        String text = body.path("note").asText("");
        if (text.isEmpty()) {
            throw new WooError(400, "rest_missing_callback_param", "Missing parameter(s): note",
                    java.util.Map.of("params", List.of("note")));
        }
        WooOrder.Note n = orders.addNote(orderId, text, body.path("customer_note").asBoolean(false),
                body.path("added_by_user").asBoolean(false));
        return EmulatorResponse.json(201, WooJson.bytes(g -> WooOrder.writeNote(g, n, json)))
                .withHeader("Location", base.get() + "/wp-json/wc/v3/orders/" + orderId + "/notes/" + n.id());
    }

    EmulatorResponse getNote(long orderId, long noteId) {
        WooOrder.Note n = orders.notes(orderId).stream().filter(x -> x.id() == noteId).findFirst()
                .orElseThrow(() -> new WooError(404, "woocommerce_rest_invalid_id", "Invalid resource ID."));
        return EmulatorResponse.json(200, WooJson.bytes(g -> WooOrder.writeNote(g, n, json)));
    }

    EmulatorResponse deleteNote(EmulatorRequest req, long orderId, long noteId) {
        if (!WooRequests.boolParam(req, "force")) {
            throw new WooError(501, "woocommerce_rest_trash_not_supported", "Resource does not support trashing.");
        }
        WooOrder.Note n = orders.notes(orderId).stream().filter(x -> x.id() == noteId).findFirst()
                .orElseThrow(() -> new WooError(404, "woocommerce_rest_invalid_id", "Invalid resource ID."));
        orders.deleteNote(orderId, noteId);
        return EmulatorResponse.json(200, WooJson.bytes(g -> WooOrder.writeNote(g, n, json)));
    }

    // ------------------------------------------------------------------ webhooks

    EmulatorResponse listWebhooks(EmulatorRequest req) {
        WooRequests.ListParams params = WooRequests.listParams(req, Set.of("date", "id", "title"), "date", false);
        String status = req.queryParam("status").orElse("all");
        List<WooWebhook> all = new java.util.ArrayList<>(webhooks.all());
        if (!params.ascending()) {
            java.util.Collections.reverse(all);
        }
        WooSlice<WooWebhook> slice = WooSlice.of(all.iterator(),
                h -> "all".equals(status) || status.equals(h.status()), params.skip(), params.perPage());
        byte[] body = WooJson.bytes(g -> {
            g.writeStartArray();
            for (WooWebhook h : slice.items()) {
                webhooks.write(g, h, json);
            }
            g.writeEndArray();
        });
        return WooRequests.paged(req, base.get(), params, slice.total(), body);
    }

    EmulatorResponse getWebhook(long id) {
        WooWebhook h = webhooks.get(id).orElseThrow(() ->
                new WooError(404, "woocommerce_rest_webhook_invalid_id", "Invalid ID."));
        return EmulatorResponse.json(200, WooJson.bytes(g -> webhooks.write(g, h, json)));
    }

    EmulatorResponse createWebhook(EmulatorRequest req) {
        WooWebhook h = webhooks.create(WooRequests.body(req));
        return EmulatorResponse.json(201, WooJson.bytes(g -> webhooks.write(g, h, json)))
                .withHeader("Location", base.get() + "/wp-json/wc/v3/webhooks/" + h.id());
    }

    EmulatorResponse updateWebhook(EmulatorRequest req, long id) {
        WooWebhook h = webhooks.update(id, WooRequests.body(req));
        return EmulatorResponse.json(200, WooJson.bytes(g -> webhooks.write(g, h, json)));
    }

    EmulatorResponse deleteWebhook(EmulatorRequest req, long id) {
        WooWebhook h = webhooks.delete(id, WooRequests.boolParam(req, "force"));
        return EmulatorResponse.json(200, WooJson.bytes(g -> webhooks.write(g, h, json)));
    }
}
