package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one listing exactly as Golisto holds it, for tests: the accepted product JSON (money
 * as the strings that were sent) plus typed accessors for what tests usually check. Immutable: the
 * JSON is a private copy and {@link #json()} hands out copies.
 */
public final class GolistoListing {

    private final String listingId;
    private final ObjectNode product;

    GolistoListing(String listingId, ObjectNode product) {
        this.listingId = Objects.requireNonNull(listingId);
        this.product = Objects.requireNonNull(product);
    }

    /** Golisto's listing id. */
    public String listingId() {
        return listingId;
    }

    /** The shop's product id. */
    public String externalId() {
        return product.get("external_id").asText();
    }

    /** The listing title. */
    public String title() {
        return product.get("title").asText();
    }

    /** {@code active}, {@code draft} or {@code archived}. */
    public String status() {
        return product.get("status").asText();
    }

    /** The ISO currency code. */
    public String currency() {
        return product.get("currency").asText();
    }

    /** The price, parsed from the decimal string Golisto holds. */
    public BigDecimal price() {
        return new BigDecimal(product.get("price").asText());
    }

    /** The sale price, if any. */
    public Optional<BigDecimal> salePrice() {
        return Optional.ofNullable(Json.text(product, "sale_price")).map(BigDecimal::new);
    }

    /** The engine's fingerprint sent with the last accepted upsert, if any. */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(Json.text(product, "fingerprint"));
    }

    /** When Golisto last changed this listing (emulator clock). */
    public Instant updatedAt() {
        return Instant.parse(product.get("updated_at").asText());
    }

    /** Stock of the product itself. */
    public GolistoStock stock() {
        return GolistoStock.of(product, null);
    }

    /** Stock of one variant, if the listing has it. */
    public Optional<GolistoStock> variantStock(String variantExternalId) {
        return variants().stream().filter(v -> variantExternalId.equals(Json.text(v, "external_id")))
                .findFirst().map(v -> GolistoStock.of(v, variantExternalId));
    }

    /** The variants' external ids, in the order sent. */
    public List<String> variantIds() {
        return variants().stream().map(v -> v.get("external_id").asText()).toList();
    }

    /** A copy of the listing JSON as {@code GET /api/woocommerce/catalog/{external_id}} returns it. */
    public JsonNode json() {
        return product.deepCopy();
    }

    private List<JsonNode> variants() {
        List<JsonNode> list = new ArrayList<>();
        JsonNode variants = product.get("variants");
        if (variants != null && variants.isArray()) {
            variants.forEach(list::add);
        }
        return list;
    }

    @Override
    public String toString() {
        return "GolistoListing[" + listingId + ", " + externalId() + ", " + title() + "]";
    }

    /**
     * Stock as Golisto holds it for a product or a variant.
     *
     * @param variantExternalId the variant, or null for the product itself
     * @param quantity the quantity, or null when the shop does not track stock
     * @param stockStatus {@code in_stock}, {@code out_of_stock} or {@code backorder}
     */
    public record GolistoStock(@Nullable String variantExternalId, @Nullable Integer quantity, String stockStatus) {

        /** Validates the status. */
        public GolistoStock {
            Objects.requireNonNull(stockStatus, "stockStatus");
        }

        static GolistoStock of(JsonNode node, @Nullable String variantExternalId) {
            JsonNode quantity = node.get("quantity");
            return new GolistoStock(variantExternalId,
                    quantity == null || quantity.isNull() ? null : quantity.asInt(),
                    node.get("stock_status").asText());
        }
    }
}
