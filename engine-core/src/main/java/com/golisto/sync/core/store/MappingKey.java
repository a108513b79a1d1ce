package com.golisto.sync.core.store;

import java.util.Objects;

/**
 * The key of a {@link Mapping}: (store id, kind, source id). Public only so that Jdbi can bind it as one
 * row value {@code (store_id, kind, source_id)}.
 *
 * @param storeId the store
 * @param kind product or order
 * @param sourceId the id at the source
 */
public record MappingKey(String storeId, EntityKind kind, String sourceId) {

    public MappingKey {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sourceId, "sourceId");
    }
}
