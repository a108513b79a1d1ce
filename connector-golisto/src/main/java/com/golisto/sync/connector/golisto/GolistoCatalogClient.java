package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.RetryableException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Golisto's listings as a {@link CatalogTarget}: {@code POST /api/woocommerce/catalog/batch} (at most 100
 * upserts and deletes together), {@code POST /api/woocommerce/inventory/batch} (at most 500 stock updates)
 * and {@code GET /api/woocommerce/catalog/{external_id}}. Golisto answers a batch with one result per item;
 * they are mapped back in request order. A delete of a listing Golisto does not have counts as deleted
 * (deletes are idempotent). Thread-safe.
 */
final class GolistoCatalogClient implements CatalogTarget {

    static final int MAX_BATCH = 100;
    static final int MAX_INVENTORY = 500;
    private static final String BATCH = "POST /api/woocommerce/catalog/batch";
    private static final String INVENTORY = "POST /api/woocommerce/inventory/batch";
    private static final String LISTING = "GET /api/woocommerce/catalog/{external_id}";
    /** Item error codes that may pass when the same item is sent again later. */
    private static final Set<String> TRANSIENT_CODES = Set.of("internal_error", "unavailable", "rate_limited",
            "timeout", "conflict");
    /** The contract's item error code for "no listing with that external_id". */
    private static final String NOT_FOUND = "not_found";

    private final GolistoApiClient api;

    GolistoCatalogClient(GolistoApiClient api) {
        this.api = api;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    @Override
    public int maxInventoryBatchSize() {
        return MAX_INVENTORY;
    }

    @Override
    public List<WriteResult> apply(CatalogBatch batch) throws InterruptedException {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a Golisto catalog batch holds at most " + MAX_BATCH
                    + " upserts and deletes together, not " + batch.size());
        }
        if (batch.size() == 0) {
            return List.of();
        }
        ObjectNode body = GolistoJson.object();
        ArrayNode upserts = body.putArray("upsert");
        for (Listing listing : batch.upserts()) {
            upserts.add(GolistoProductJson.toJson(listing));
        }
        ArrayNode deletes = body.putArray("delete");
        batch.deletes().forEach(deletes::add);
        List<String> ids = new ArrayList<>();
        batch.upserts().forEach(l -> ids.add(l.product().id()));
        ids.addAll(batch.deletes());
        JsonNode results = results(api.success(api.post(BATCH, "/api/woocommerce/catalog/batch", body)), BATCH,
                ids.size());
        List<WriteResult> mapped = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            mapped.add(catalogResult(ids.get(i), results.get(i), i >= batch.upserts().size()));
        }
        return mapped;
    }

    private static WriteResult catalogResult(String id, JsonNode result, boolean delete) {
        requireSameId(id, result, BATCH);
        String action = result.path("action").asText();
        String listingId = GolistoJson.optionalText(result, "listing_id");
        return switch (action) {
            case "created" -> WriteResult.ok(id, WriteResult.Outcome.CREATED, listingId);
            case "updated" -> WriteResult.ok(id, WriteResult.Outcome.UPDATED, listingId);
            case "unchanged" -> WriteResult.ok(id, WriteResult.Outcome.UNCHANGED, listingId);
            case "deleted" -> WriteResult.ok(id, WriteResult.Outcome.DELETED, listingId);
            case "failed" -> {
                WriteResult.ItemError error = itemError(result);
                yield delete && error.notFound()
                        ? WriteResult.ok(id, WriteResult.Outcome.DELETED, null)
                        : WriteResult.failed(id, null, error);
            }
            default -> throw garbled(BATCH, "an unknown action '" + action + "' for " + id);
        };
    }

    @Override
    public List<WriteResult> applyInventory(List<InventoryUpdate> updates) throws InterruptedException {
        if (updates.size() > MAX_INVENTORY) {
            throw new IllegalArgumentException("a Golisto inventory batch holds at most " + MAX_INVENTORY
                    + " items, not " + updates.size());
        }
        if (updates.isEmpty()) {
            return List.of();
        }
        ObjectNode body = GolistoJson.object();
        ArrayNode items = body.putArray("items");
        updates.forEach(u -> items.add(GolistoProductJson.inventoryJson(u)));
        JsonNode results = results(api.success(api.post(INVENTORY, "/api/woocommerce/inventory/batch", body)),
                INVENTORY, updates.size());
        List<WriteResult> mapped = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            InventoryUpdate update = updates.get(i);
            JsonNode result = results.get(i);
            requireSameId(update.productId(), result, INVENTORY);
            String action = result.path("action").asText();
            mapped.add(switch (action) {
                case "updated" -> new WriteResult(update.productId(), update.variantId(), WriteResult.Outcome.UPDATED,
                        null, null);
                case "unchanged" -> new WriteResult(update.productId(), update.variantId(),
                        WriteResult.Outcome.UNCHANGED, null, null);
                case "failed" -> WriteResult.failed(update.productId(), update.variantId(), itemError(result));
                default -> throw garbled(INVENTORY, "an unknown action '" + action + "' for " + update.productId());
            });
        }
        return mapped;
    }

    @Override
    public Optional<Listing> readListing(String productId) throws InterruptedException {
        String path = "/api/woocommerce/catalog/" + pathSegment(productId);
        GolistoResponse response = api.get(LISTING, path);
        if (response.status() == 404) {
            return Optional.empty();
        }
        JsonNode body = api.success(response);
        try {
            return Optional.of(GolistoProductJson.fromJson(body));
        } catch (RuntimeException e) {
            throw garbled(LISTING, "a listing that does not fit the contract (" + e.getMessage() + ")");
        }
    }

    private static JsonNode results(JsonNode body, String endpoint, int expected) {
        JsonNode results = body.get("results");
        if (results == null || !results.isArray() || results.size() != expected) {
            throw garbled(endpoint, "results for " + (results == null || !results.isArray() ? "no" : results.size())
                    + " items instead of " + expected);
        }
        return results;
    }

    private static void requireSameId(String id, JsonNode result, String endpoint) {
        String answered = result.path("external_id").asText("");
        // Golisto may leave the id empty on an item it could not read at all; any other id is a mix-up
        if (!answered.isEmpty() && !answered.equals(id)) {
            throw garbled(endpoint, "the result for " + id + " in the place of " + answered);
        }
    }

    private static WriteResult.ItemError itemError(JsonNode result) {
        JsonNode error = result.path("error");
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        if (code.isBlank()) {
            code = "failed";
        }
        String normalized = code.toLowerCase(Locale.ROOT);
        if (normalized.equals(NOT_FOUND)) {
            return WriteResult.ItemError.notFound(code, message);
        }
        return TRANSIENT_CODES.contains(normalized)
                ? WriteResult.ItemError.retryable(code, message) : WriteResult.ItemError.rejected(code, message);
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static RetryableException garbled(String endpoint, String what) {
        return new RetryableException("Golisto answered " + endpoint + " with " + what, null);
    }
}
