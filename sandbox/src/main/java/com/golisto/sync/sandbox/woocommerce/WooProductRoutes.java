package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The product and variation endpoints of {@code /wp-json/wc/v3}, batches included (categories:
 * {@link WooCategoryRoutes}).
 */
final class WooProductRoutes {

    private static final Set<String> PRODUCT_ORDERBY = Set.of("date", "id", "include", "title", "slug", "modified");
    private static final Set<String> VARIATION_ORDERBY = Set.of("date", "id", "include", "title", "slug",
            "modified", "menu_order");
    private static final int BATCH_LIMIT = 100;

    private final WooStore store;
    private final WooJson json;
    private final ZoneId zone;
    private final Supplier<URI> base;
    /** Ids or SKUs whose next batch item fails (a test hook). */
    private final Set<String> failingBatchItems = ConcurrentHashMap.newKeySet();

    WooProductRoutes(WooStore store, WooJson json, ZoneId zone, Supplier<URI> base) {
        this.store = store;
        this.json = json;
        this.zone = zone;
        this.base = base;
    }

    void failBatchItem(String idOrSku) {
        failingBatchItems.add(idOrSku);
    }

    // ------------------------------------------------------------------ products

    EmulatorResponse list(EmulatorRequest req) {
        WooRequests.ListParams params = WooRequests.listParams(req, PRODUCT_ORDERBY, "date", false);
        Predicate<WooProduct> filter = productFilter(req);
        List<String> skus = WooRequests.stringList(req, "sku");
        WooSlice<WooProduct> slice;
        if (!skus.isEmpty()) {
            // a SKU filter also finds variations, as on a real store
            List<WooProduct> found = new ArrayList<>();
            for (String sku : skus) {
                store.bySku(sku).filter(p -> p.sku.equals(sku)).ifPresent(found::add);
            }
            found.sort(java.util.Comparator.comparingLong(p -> p.id));
            slice = WooSlice.of(found.iterator(), filter, params.skip(), params.perPage());
        } else {
            slice = store.listParents(filter, params.orderby(), params.ascending(), params.skip(), params.perPage());
        }
        byte[] body = WooJson.bytes(g -> {
            g.writeStartArray();
            for (WooProduct p : slice.items()) {
                json.product(g, p);
            }
            g.writeEndArray();
        });
        return WooRequests.paged(req, base.get(), params, slice.total(), body);
    }

    private Predicate<WooProduct> productFilter(EmulatorRequest req) {
        String status = req.queryParam("status").orElse("any");
        Predicate<WooProduct> f = "any".equals(status) ? p -> !"trash".equals(p.status) : p -> status.equals(p.status);
        Optional<String> type = req.queryParam("type");
        if (type.isPresent()) {
            f = f.and(p -> type.get().equals(p.type));
        }
        List<Long> include = WooRequests.idList(req, "include");
        if (!include.isEmpty()) {
            Set<Long> ids = new HashSet<>(include);
            f = f.and(p -> ids.contains(p.id));
        }
        List<Long> exclude = WooRequests.idList(req, "exclude");
        if (!exclude.isEmpty()) {
            Set<Long> ids = new HashSet<>(exclude);
            f = f.and(p -> !ids.contains(p.id));
        }
        List<Long> parent = WooRequests.idList(req, "parent");
        if (!parent.isEmpty()) {
            Set<Long> ids = new HashSet<>(parent);
            f = f.and(p -> ids.contains(p.parentId));
        }
        Optional<String> search = req.queryParam("search");
        if (search.isPresent()) {
            String needle = search.get().toLowerCase(java.util.Locale.ROOT);
            f = f.and(p -> p.name.toLowerCase(java.util.Locale.ROOT).contains(needle));
        }
        Optional<String> category = req.queryParam("category");
        if (category.isPresent()) {
            long id = Long.parseLong(category.get().trim());
            f = f.and(p -> p.categoryIds.contains(id));
        }
        Optional<String> stockStatus = req.queryParam("stock_status");
        if (stockStatus.isPresent()) {
            f = f.and(p -> stockStatus.get().equals(p.stockStatus));
        }
        f = WooRequests.dateRange(f, WooRequests.dateFilter(req, "modified_after", zone),
                WooRequests.dateFilter(req, "modified_before", zone), p -> p.modifiedAt());
        return WooRequests.dateRange(f, WooRequests.dateFilter(req, "after", zone),
                WooRequests.dateFilter(req, "before", zone), p -> p.createdAt());
    }

    EmulatorResponse get(EmulatorRequest req, long id) {
        WooProduct p = store.get(id).orElseThrow(() -> WooError.invalidProductId(404));
        return EmulatorResponse.json(200, WooJson.bytes(g -> json.product(g, p)));
    }

    EmulatorResponse create(EmulatorRequest req) {
        WooProduct p = createProduct(WooRequests.body(req));
        return EmulatorResponse.json(201, WooJson.bytes(g -> json.product(g, p)))
                .withHeader("Location", base.get() + "/wp-json/wc/v3/products/" + p.id);
    }

    WooProduct createProduct(JsonNode body) {
        WooProductInput.validate(body, false);
        if (body.has("id")) {
            throw new WooError(400, "woocommerce_rest_product_exists", "Cannot create existing product.");
        }
        WooProduct draft = new WooProduct();
        WooProductInput.apply(body, draft, store);
        return store.insert(draft);
    }

    EmulatorResponse update(EmulatorRequest req, long id) {
        WooProduct p = updateProduct(id, WooRequests.body(req));
        return EmulatorResponse.json(200, WooJson.bytes(g -> json.product(g, p)));
    }

    WooProduct updateProduct(long id, JsonNode body) {
        WooProduct current = store.get(id).orElseThrow(() -> WooError.invalidProductId(400));
        if (current.isVariation()) {
            // the products endpoint refuses variation ids on writes (a real store answers 404)
            throw new WooError(404, "woocommerce_rest_invalid_product_id",
                    "To manipulate product variations you should use the /products/&lt;product_id&gt;/variations/&lt;id&gt; endpoint.");
        }
        WooProductInput.validate(body, false);
        return store.update(id, p -> WooProductInput.apply(body, p, store));
    }

    EmulatorResponse delete(EmulatorRequest req, long id) {
        boolean force = WooRequests.boolParam(req, "force");
        WooProduct p = store.get(id).orElseThrow(() -> WooError.invalidProductId(404));
        if (force) {
            byte[] before = WooJson.bytes(g -> json.product(g, p));
            store.deletePermanently(id);
            return EmulatorResponse.json(200, before);
        }
        WooProduct trashed = store.trash(id);
        return EmulatorResponse.json(200, WooJson.bytes(g -> json.product(g, trashed)));
    }

    EmulatorResponse batch(EmulatorRequest req) {
        JsonNode body = WooRequests.body(req);
        checkBatchLimit(body);
        byte[] out = WooJson.bytes(g -> {
            g.writeStartObject();
            batchPart(g, body, "create", item -> createProduct(item));
            batchPart(g, body, "update", item -> updateProduct(item.path("id").asLong(0), item));
            deletePart(g, body, id -> store.get(id).filter(p -> !p.isVariation()));
            g.writeEndObject();
        });
        return EmulatorResponse.json(200, out);
    }

    // ------------------------------------------------------------------ variations

    EmulatorResponse listVariations(EmulatorRequest req, long parentId) {
        WooProduct parent = store.parent(parentId).orElseThrow(() -> WooError.invalidProductId(404));
        WooRequests.ListParams params = WooRequests.listParams(req, VARIATION_ORDERBY, "menu_order", true);
        Predicate<WooProduct> f = WooRequests.dateRange(p -> true,
                WooRequests.dateFilter(req, "modified_after", zone),
                WooRequests.dateFilter(req, "modified_before", zone), p -> p.modifiedAt());
        Optional<String> status = req.queryParam("status");
        if (status.isPresent() && !"any".equals(status.get())) {
            f = f.and(p -> status.get().equals(p.status));
        }
        List<WooProduct> children = new ArrayList<>(store.variationsOf(parent.id));
        if ("id".equals(params.orderby())) {
            children.sort(java.util.Comparator.comparingLong(p -> p.id));
        }
        if (!params.ascending()) {
            java.util.Collections.reverse(children);
        }
        WooSlice<WooProduct> slice = WooSlice.of(children.iterator(), f, params.skip(), params.perPage());
        byte[] body = WooJson.bytes(g -> {
            g.writeStartArray();
            for (WooProduct v : slice.items()) {
                json.variation(g, v);
            }
            g.writeEndArray();
        });
        return WooRequests.paged(req, base.get(), params, slice.total(), body);
    }

    EmulatorResponse getVariation(long parentId, long id) {
        WooProduct v = store.variation(parentId, id).orElseThrow(() ->
                new WooError(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID."));
        return EmulatorResponse.json(200, WooJson.bytes(g -> json.variation(g, v)));
    }

    EmulatorResponse createVariation(EmulatorRequest req, long parentId) {
        WooProduct v = createVariationItem(parentId, WooRequests.body(req));
        return EmulatorResponse.json(201, WooJson.bytes(g -> json.variation(g, v)))
                .withHeader("Location", base.get() + "/wp-json/wc/v3/products/" + parentId + "/variations/" + v.id);
    }

    WooProduct createVariationItem(long parentId, JsonNode body) {
        var unused = store.parent(parentId).orElseThrow(() -> WooError.invalidProductId(404));
        WooProductInput.validate(body, true);
        WooProduct draft = new WooProduct();
        draft.type = "variation";
        draft.parentId = parentId;
        WooProductInput.apply(body, draft, store);
        return store.insert(draft);
    }

    EmulatorResponse updateVariation(EmulatorRequest req, long parentId, long id) {
        WooProduct v = updateVariationItem(parentId, id, WooRequests.body(req));
        return EmulatorResponse.json(200, WooJson.bytes(g -> json.variation(g, v)));
    }

    WooProduct updateVariationItem(long parentId, long id, JsonNode body) {
        var unused = store.variation(parentId, id).orElseThrow(() ->
                new WooError(400, "woocommerce_rest_product_variation_invalid_id", "Invalid ID."));
        WooProductInput.validate(body, true);
        return store.update(id, p -> WooProductInput.apply(body, p, store));
    }

    EmulatorResponse deleteVariation(EmulatorRequest req, long parentId, long id) {
        WooProduct v = store.variation(parentId, id).orElseThrow(() ->
                new WooError(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID."));
        byte[] before = WooJson.bytes(g -> json.variation(g, v));
        store.deletePermanently(id);
        return EmulatorResponse.json(200, before);
    }

    EmulatorResponse batchVariations(EmulatorRequest req, long parentId) {
        var unused = store.parent(parentId).orElseThrow(() -> WooError.invalidProductId(404));
        JsonNode body = WooRequests.body(req);
        checkBatchLimit(body);
        byte[] out = WooJson.bytes(g -> {
            g.writeStartObject();
            batchVariationPart(g, body, "create", item -> createVariationItem(parentId, item));
            batchVariationPart(g, body, "update", item -> updateVariationItem(parentId, item.path("id").asLong(0), item));
            g.writeArrayFieldStart("delete");
            for (JsonNode idNode : body.path("delete")) {
                long id = idNode.asLong(0);
                if (id == 0) {
                    continue;
                }
                Optional<WooProduct> v = store.variation(parentId, id);
                if (v.isEmpty()) {
                    itemError(g, id, new WooError(404, "woocommerce_rest_product_variation_invalid_id", "Invalid ID."));
                } else {
                    json.variation(g, v.get());
                    store.deletePermanently(id);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        });
        return EmulatorResponse.json(200, out);
    }

    // ------------------------------------------------------------------ batch helpers

    /** One batch operation on one item. */
    @FunctionalInterface
    private interface ItemOp {
        WooProduct apply(JsonNode item);
    }

    private static void checkBatchLimit(JsonNode body) {
        int total = body.path("create").size() + body.path("update").size() + body.path("delete").size();
        if (total > BATCH_LIMIT) {
            throw new WooError(413, "woocommerce_rest_request_entity_too_large",
                    "Unable to accept more than " + BATCH_LIMIT + " items for this request.");
        }
    }

    private void batchPart(JsonGenerator g, JsonNode body, String part, ItemOp op) throws IOException {
        if (!body.has(part)) {
            return;
        }
        g.writeArrayFieldStart(part);
        for (JsonNode item : body.get(part)) {
            long id = item.path("id").asLong(0);
            try {
                injected(item, id);
                WooProduct p = op.apply(item);
                json.product(g, p);
            } catch (WooError e) {
                itemError(g, "create".equals(part) ? 0 : id, e);
            }
        }
        g.writeEndArray();
    }

    private void batchVariationPart(JsonGenerator g, JsonNode body, String part, ItemOp op) throws IOException {
        if (!body.has(part)) {
            return;
        }
        g.writeArrayFieldStart(part);
        for (JsonNode item : body.get(part)) {
            long id = item.path("id").asLong(0);
            try {
                injected(item, id);
                json.variation(g, op.apply(item));
            } catch (WooError e) {
                itemError(g, "create".equals(part) ? 0 : id, e);
            }
        }
        g.writeEndArray();
    }

    private void deletePart(JsonGenerator g, JsonNode body, java.util.function.LongFunction<Optional<WooProduct>> find)
            throws IOException {
        if (!body.has("delete")) {
            return;
        }
        g.writeArrayFieldStart("delete");
        for (JsonNode idNode : body.get("delete")) {
            long id = idNode.asLong(0);
            if (id == 0) {
                continue; // WooCommerce skips 0 and non-numeric ids silently
            }
            Optional<WooProduct> p = find.apply(id);
            if (p.isEmpty()) {
                itemError(g, id, WooError.invalidProductId(404));
                continue;
            }
            if (failingBatchItems.remove(Long.toString(id))) {
                itemError(g, id, injectedError());
                continue;
            }
            json.product(g, p.get());
            store.deletePermanently(id);
        }
        g.writeEndArray();
    }

    private void injected(JsonNode item, long id) {
        String sku = item.path("sku").asText("");
        if ((id != 0 && failingBatchItems.remove(Long.toString(id))) || (!sku.isEmpty() && failingBatchItems.remove(sku))) {
            throw injectedError();
        }
    }

    private static WooError injectedError() {
        return new WooError(500, "db_update_error", "Could not update product in the database.");
    }

    static void itemError(JsonGenerator g, long id, WooError e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeFieldName("error");
        g.writeRawValue(new String(WooJson.error(e), java.nio.charset.StandardCharsets.UTF_8));
        g.writeEndObject();
    }

}
