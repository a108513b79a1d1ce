package com.golisto.sync.api.model;

import java.util.List;

/**
 * Creations, replacements and deletions to apply to a marketplace catalog in one call.
 *
 * @param upserts listings to create or replace
 * @param deletes shop product ids whose listings are to be removed
 */
public record CatalogBatch(List<Listing> upserts, List<String> deletes) {

    public CatalogBatch {
        upserts = List.copyOf(Checks.required(upserts, "batch upserts"));
        deletes = List.copyOf(Checks.required(deletes, "batch deletes"));
    }

    /** Upserts plus deletes. */
    public int size() {
        return upserts.size() + deletes.size();
    }
}
