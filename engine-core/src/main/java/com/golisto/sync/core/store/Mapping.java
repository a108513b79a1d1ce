package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
import org.jspecify.annotations.Nullable;

/**
 * What the engine knows about one entity it syncs: the source id ↔ target id pair and what was last sent.
 * Keyed by (store id, kind, source id).
 *
 * @param storeId the store
 * @param kind product or order
 * @param sourceId the id where the entity comes from (products: the shop; orders: the marketplace)
 * @param targetId the id where it was written (products: the marketplace listing; orders: the shop order);
 *     null while it has not been created there
 * @param fingerprint hash of the canonical form last written (catalog); null when none
 * @param stockFingerprint hash of the stock last written; null when none
 * @param generation the last full pass that saw the entity (0 when none did); see
 *     {@link StateStore#markSeen} and {@link StateStore#unseenBefore}
 * @param version orders: the last marketplace order version synced to the shop; products: 0
 * @param status the last result in one word chosen by the engine (e.g. {@code SYNCED}, {@code FAILED});
 *     at most 32 characters
 * @param lastResult a detail of the last result (e.g. an error message); null when none; at most 2000
 *     characters
 * @param updatedAt when the row was last written; set by the store on every write (the value given to
 *     {@link StateStore#upsertMappings} is ignored)
 * @param fieldFingerprints products: the per-field fingerprints of the listing last written (see
 *     {@code catalog.FieldFingerprints}), so a dry run can name the fields that changed; null when none was kept
 *     (orders, listings written before version 10 of the state store); at most 1000 characters
 * @param stockLevels products: the stock last sent for the product and each variant, exactly (see
 *     {@code catalog.StockLevels}), so a stock-only change sends only the items that changed; null when none was
 *     kept (orders, listings written before version 12 of the state store); at most 16,000 characters
 */
public record Mapping(
        String storeId,
        EntityKind kind,
        String sourceId,
        @Nullable String targetId,
        @Nullable String fingerprint,
        @Nullable String stockFingerprint,
        long generation,
        long version,
        String status,
        @Nullable String lastResult,
        Instant updatedAt,
        @Nullable String fieldFingerprints,
        @Nullable String stockLevels) {

    @JdbiConstructor
    public Mapping {
        Require.storeId(storeId);
        Objects.requireNonNull(kind, "kind");
        Require.text(sourceId, "source id", Limits.ID);
        Require.optionalText(targetId, "target id", Limits.ID);
        Require.optionalText(fingerprint, "fingerprint", Limits.FINGERPRINT);
        Require.optionalText(stockFingerprint, "stock fingerprint", Limits.FINGERPRINT);
        Require.notNegative(generation, "generation");
        Require.notNegative(version, "version");
        Require.text(status, "status", Limits.STATUS);
        lastResult = Require.truncateOptional(lastResult, Limits.MESSAGE);
        Objects.requireNonNull(updatedAt, "updatedAt");
        Require.optionalText(fieldFingerprints, "field fingerprints", Limits.FIELD_FINGERPRINTS);
        Require.optionalText(stockLevels, "stock levels", Limits.STOCK_LEVELS);
    }

    /** A mapping without per-item stock levels. */
    public Mapping(String storeId, EntityKind kind, String sourceId, @Nullable String targetId,
            @Nullable String fingerprint, @Nullable String stockFingerprint, long generation, long version,
            String status, @Nullable String lastResult, Instant updatedAt, @Nullable String fieldFingerprints) {
        this(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, generation, version, status,
                lastResult, updatedAt, fieldFingerprints, null);
    }

    /** A mapping without per-field fingerprints. */
    public Mapping(String storeId, EntityKind kind, String sourceId, @Nullable String targetId,
            @Nullable String fingerprint, @Nullable String stockFingerprint, long generation, long version,
            String status, @Nullable String lastResult, Instant updatedAt) {
        this(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, generation, version, status,
                lastResult, updatedAt, null);
    }

    /**
     * A mapping to write with {@link StateStore#upsertMappings}; {@code updatedAt} is set by the store.
     */
    public static Mapping of(String storeId, EntityKind kind, String sourceId, @Nullable String targetId,
            @Nullable String fingerprint, @Nullable String stockFingerprint, long generation, long version,
            String status, @Nullable String lastResult) {
        return new Mapping(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, generation, version,
                status, lastResult, Instant.EPOCH);
    }

    /** This mapping with another target id. */
    public Mapping withTargetId(String newTargetId) {
        return new Mapping(storeId, kind, sourceId, newTargetId, fingerprint, stockFingerprint, generation, version,
                status, lastResult, updatedAt, fieldFingerprints, stockLevels);
    }

    /** This mapping with other fingerprints. */
    public Mapping withFingerprints(@Nullable String newFingerprint, @Nullable String newStockFingerprint) {
        return new Mapping(storeId, kind, sourceId, targetId, newFingerprint, newStockFingerprint, generation,
                version, status, lastResult, updatedAt, fieldFingerprints, stockLevels);
    }

    /** This mapping seen by another generation. */
    public Mapping withGeneration(long newGeneration) {
        return new Mapping(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, newGeneration, version,
                status, lastResult, updatedAt, fieldFingerprints, stockLevels);
    }

    /** This mapping at another (order) version. */
    public Mapping withVersion(long newVersion) {
        return new Mapping(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, generation,
                newVersion, status, lastResult, updatedAt, fieldFingerprints, stockLevels);
    }

    /** This mapping with other per-field fingerprints (null: none kept). */
    public Mapping withFieldFingerprints(@Nullable String newFieldFingerprints) {
        return new Mapping(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, generation, version,
                status, lastResult, updatedAt, newFieldFingerprints, stockLevels);
    }

    /** This mapping with other per-item stock levels (null: none kept). */
    public Mapping withStockLevels(@Nullable String newStockLevels) {
        return new Mapping(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, generation, version,
                status, lastResult, updatedAt, fieldFingerprints, newStockLevels);
    }

    /** This mapping with another last result. */
    public Mapping withResult(String newStatus, @Nullable String newLastResult) {
        return new Mapping(storeId, kind, sourceId, targetId, fingerprint, stockFingerprint, generation, version,
                newStatus, newLastResult, updatedAt, fieldFingerprints, stockLevels);
    }
}
