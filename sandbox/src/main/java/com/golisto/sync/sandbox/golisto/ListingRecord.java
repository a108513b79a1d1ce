package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One listing as Golisto holds it: the product exactly as last accepted (plus {@code updated_at}), the
 * listing id and the engine's fingerprint. Guarded by the {@link GolistoBackend} lock.
 */
final class ListingRecord {

    final String listingId;
    final String externalId;
    ObjectNode product;
    Instant updatedAt;

    ListingRecord(String listingId, String externalId, ObjectNode product, Instant updatedAt) {
        this.listingId = listingId;
        this.externalId = externalId;
        this.product = product;
        this.updatedAt = updatedAt;
        product.put("updated_at", Json.time(updatedAt));
    }

    @Nullable String fingerprint() {
        return Json.text(product, "fingerprint");
    }

    /** The variant object with this external id, or null. */
    @Nullable ObjectNode variant(String variantExternalId) {
        JsonNode variants = product.get("variants");
        if (variants == null || !variants.isArray()) {
            return null;
        }
        for (JsonNode variant : variants) {
            if (variantExternalId.equals(Json.text(variant, "external_id"))) {
                return (ObjectNode) variant;
            }
        }
        return null;
    }

    boolean hasVariants() {
        JsonNode variants = product.get("variants");
        return variants != null && variants.isArray() && !variants.isEmpty();
    }

    void touch(Instant now) {
        updatedAt = now;
        product.put("updated_at", Json.time(now));
    }

    GolistoListing view() {
        return new GolistoListing(listingId, product.deepCopy());
    }
}
