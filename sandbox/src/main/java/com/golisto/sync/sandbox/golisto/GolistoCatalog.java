package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Listings and stock: {@code POST /api/woocommerce/catalog/batch}, {@code POST /api/woocommerce/inventory/batch}
 * and {@code GET /api/woocommerce/catalog/{external_id}}, with the contract's limits and per-item results.
 * Uses the backend's lock for all state.
 */
final class GolistoCatalog {

    static final int MAX_CATALOG_ITEMS = 100;
    static final int MAX_INVENTORY_ITEMS = 500;

    private final GolistoBackend backend;

    GolistoCatalog(GolistoBackend backend) {
        this.backend = backend;
    }

    EmulatorResponse batch(EmulatorRequest request) {
        synchronized (backend.lock) {
            ConnectionRecord connection = backend.approved(request);
            JsonNode body = Json.parseObject(request);
            JsonNode upserts = arrayField(body, "upsert");
            JsonNode deletes = arrayField(body, "delete");
            int count = upserts.size() + deletes.size();
            if (count > MAX_CATALOG_ITEMS) {
                throw new ApiException(413, "batch_too_large", "a catalog batch holds at most " + MAX_CATALOG_ITEMS
                        + " items, upserts and deletes together; this one has " + count);
            }
            ArrayNode results = Json.object().arrayNode();
            for (JsonNode item : upserts) {
                results.add(upsert(connection, item));
            }
            for (JsonNode item : deletes) {
                results.add(delete(connection, item));
            }
            ObjectNode answer = Json.object();
            answer.set("results", results);
            return EmulatorResponse.json(200, Json.write(answer));
        }
    }

    private ObjectNode upsert(ConnectionRecord connection, JsonNode item) {
        String externalId = item.isObject() && item.path("external_id").isTextual()
                ? item.get("external_id").asText() : "";
        List<String> problems = ProductValidator.validate(item, connection.currency);
        if (!problems.isEmpty()) {
            return failed(externalId, "validation_failed", String.join("; ", problems));
        }
        ObjectNode product = ((ObjectNode) item).deepCopy();
        product.remove("updated_at");
        ListingRecord existing = connection.listings.get(externalId);
        if (existing == null) {
            ListingRecord created = new ListingRecord(backend.nextListingId(), externalId, product, backend.now());
            connection.listings.put(externalId, created);
            return result(externalId, "created", created.listingId);
        }
        String fingerprint = Json.text(product, "fingerprint");
        if (fingerprint != null && fingerprint.equals(existing.fingerprint()) || sameContent(existing.product, product)) {
            return result(externalId, "unchanged", existing.listingId);
        }
        existing.product = product;
        existing.touch(backend.now());
        return result(externalId, "updated", existing.listingId);
    }

    private static boolean sameContent(ObjectNode held, ObjectNode sent) {
        ObjectNode withoutTime = held.deepCopy();
        withoutTime.remove("updated_at");
        return withoutTime.equals(sent);
    }

    private ObjectNode delete(ConnectionRecord connection, JsonNode item) {
        if (!item.isTextual() || item.asText().isBlank()) {
            return failed(item.isTextual() ? item.asText() : "", "validation_failed",
                    "each delete item must be an external_id string, not " + item);
        }
        ListingRecord removed = connection.listings.remove(item.asText());
        if (removed == null) {
            return failed(item.asText(), "not_found", "no listing with external_id " + item.asText());
        }
        return result(item.asText(), "deleted", removed.listingId);
    }

    EmulatorResponse inventory(EmulatorRequest request) {
        synchronized (backend.lock) {
            ConnectionRecord connection = backend.approved(request);
            JsonNode items = arrayField(Json.parseObject(request), "items");
            if (items.size() > MAX_INVENTORY_ITEMS) {
                throw new ApiException(413, "batch_too_large", "an inventory batch holds at most "
                        + MAX_INVENTORY_ITEMS + " items; this one has " + items.size());
            }
            ArrayNode results = Json.object().arrayNode();
            for (JsonNode item : items) {
                results.add(stock(connection, item));
            }
            ObjectNode answer = Json.object();
            answer.set("results", results);
            return EmulatorResponse.json(200, Json.write(answer));
        }
    }

    private ObjectNode stock(ConnectionRecord connection, JsonNode item) {
        String externalId = item.path("external_id").isTextual() ? item.get("external_id").asText() : "";
        JsonNode variantNode = item.get("variant_external_id");
        String variantId = variantNode != null && variantNode.isTextual() ? variantNode.asText() : null;
        List<String> problems = new ArrayList<>();
        if (!item.isObject()) {
            problems.add("each inventory item must be a JSON object");
        } else {
            if (externalId.isBlank()) {
                problems.add("external_id is required");
            }
            if (variantNode != null && !variantNode.isNull() && !variantNode.isTextual()) {
                problems.add("variant_external_id must be a string or null");
            }
            JsonNode quantity = item.get("quantity");
            if (quantity != null && !quantity.isNull() && !(quantity.isIntegralNumber() && quantity.canConvertToInt())) {
                problems.add("quantity must be an integer or null, not " + quantity);
            }
            JsonNode status = item.get("stock_status");
            if (status == null || status.isNull()) {
                problems.add("stock_status is required");
            } else if (!status.isTextual() || !ProductValidator.STOCK_STATUSES.contains(status.asText())) {
                problems.add("stock_status must be one of backorder, in_stock, out_of_stock, not " + status);
            }
        }
        if (!problems.isEmpty()) {
            return stockResult(externalId, variantId, "failed", Json.errorNode("validation_failed",
                    String.join("; ", problems)));
        }
        ListingRecord listing = connection.listings.get(externalId);
        if (listing == null) {
            return stockResult(externalId, variantId, "failed",
                    Json.errorNode("not_found", "no listing with external_id " + externalId));
        }
        ObjectNode target = variantId == null ? listing.product : listing.variant(variantId);
        if (target == null) {
            return stockResult(externalId, variantId, "failed", Json.errorNode("not_found",
                    "listing " + externalId + " has no variant " + variantId));
        }
        JsonNode quantity = item.get("quantity");
        JsonNode newQuantity = quantity == null || quantity.isNull() ? NullNode.instance : IntNode.valueOf(quantity.asInt());
        JsonNode newStatus = TextNode.valueOf(item.get("stock_status").asText());
        JsonNode oldQuantity = target.get("quantity") == null ? NullNode.instance : target.get("quantity");
        if (Objects.equals(oldQuantity, newQuantity) && newStatus.equals(target.get("stock_status"))) {
            return stockResult(externalId, variantId, "unchanged", null);
        }
        target.set("quantity", newQuantity);
        target.set("stock_status", newStatus);
        listing.touch(backend.now());
        return stockResult(externalId, variantId, "updated", null);
    }

    EmulatorResponse listing(EmulatorRequest request, String externalId) {
        synchronized (backend.lock) {
            ConnectionRecord connection = backend.approved(request);
            ListingRecord listing = connection.listings.get(externalId);
            if (listing == null) {
                throw ApiException.notFound("no listing with external_id " + externalId);
            }
            return EmulatorResponse.json(200, Json.write(listing.product));
        }
    }

    // ---- test accessors ----

    List<GolistoListing> listings(String connectionId) {
        synchronized (backend.lock) {
            return backend.connection(connectionId).listings.values().stream().map(ListingRecord::view).toList();
        }
    }

    Optional<GolistoListing> listing(String connectionId, String externalId) {
        synchronized (backend.lock) {
            return Optional.ofNullable(backend.connection(connectionId).listings.get(externalId))
                    .map(ListingRecord::view);
        }
    }

    // ---- helpers ----

    private static JsonNode arrayField(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Json.object().arrayNode();
        }
        if (!value.isArray()) {
            throw ApiException.invalid(field + " must be an array");
        }
        return value;
    }

    private static ObjectNode result(String externalId, String action, String listingId) {
        ObjectNode result = Json.object();
        result.put("external_id", externalId);
        result.put("action", action);
        result.put("listing_id", listingId);
        result.putNull("error");
        return result;
    }

    private static ObjectNode failed(String externalId, String code, String message) {
        ObjectNode result = Json.object();
        result.put("external_id", externalId);
        result.put("action", "failed");
        result.putNull("listing_id");
        result.set("error", Json.errorNode(code, message));
        return result;
    }

    private static ObjectNode stockResult(String externalId, @Nullable String variantId, String action,
                                          @Nullable ObjectNode error) {
        ObjectNode result = Json.object();
        result.put("external_id", externalId);
        result.put("variant_external_id", variantId);
        result.put("action", action);
        result.set("error", error == null ? NullNode.instance : error);
        return result;
    }
}
