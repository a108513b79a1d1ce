package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.WriteResult;
import java.util.List;
import java.util.Optional;

/**
 * Writes a marketplace's listings. Batches may partly fail: each item has its own {@link WriteResult},
 * and the engine retries or dead-letters failed items alone. A call that fails as a whole throws.
 */
public interface CatalogTarget {

    /** The most upserts plus deletes one {@link #apply} call accepts. */
    int maxBatchSize();

    /**
     * Creates, replaces and deletes listings.
     *
     * @param batch at most {@link #maxBatchSize()} items
     * @return one result per item: the upserts in order, then the deletes in order
     */
    List<WriteResult> apply(CatalogBatch batch) throws InterruptedException;

    /** The most items one {@link #applyInventory} call accepts. */
    int maxInventoryBatchSize();

    /**
     * Changes only the stock of existing listings (the cheap path for stock-only changes).
     *
     * @param updates at most {@link #maxInventoryBatchSize()} items
     * @return one result per update, in order
     */
    List<WriteResult> applyInventory(List<InventoryUpdate> updates) throws InterruptedException;

    /**
     * The listing as the marketplace holds it, for verification and repair.
     *
     * @return empty when there is no such listing
     */
    Optional<Listing> readListing(String productId) throws InterruptedException;
}
