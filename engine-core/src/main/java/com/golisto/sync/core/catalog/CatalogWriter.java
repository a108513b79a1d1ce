package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.core.inventory.InventoryWriter;
import com.golisto.sync.core.runs.Failures;
import com.golisto.sync.core.runs.ItemResults;
import com.golisto.sync.core.runs.Payloads;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runs.RunCounter;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.Mapping;
import com.golisto.sync.core.store.SourceVersion;
import com.golisto.sync.core.store.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers planned writes across source pages and sends them to the marketplace in batches as full as its limits
 * allow (upserts plus deletes up to {@link CatalogTarget#maxBatchSize()}, stock updates up to
 * {@link CatalogTarget#maxInventoryBatchSize()}, through an {@link InventoryWriter}; a product's stock updates are
 * never split over two sends), then records each item's result in the state store. The caller tags each page's
 * plan with {@link #page} and asks {@link #doneThrough()} how far every write is sent and recorded: its
 * checkpoint or cursor may move that far and no further. A product read again while its write is held replaces
 * that write (the later read wins), so no batch holds a product twice.
 *
 * <p>Per-item outcomes: a success updates the item's mapping (fingerprints, listing id, generation); a
 * retryable item failure is retried alone; a permanent one goes to the dead letters and leaves the
 * mapping as it was, so the next pass tries again; once a later pass writes the product, its dead letter is
 * resolved (deleted). A delete of a listing the marketplace no longer has
 * counts as done; a stock update for a listing it no longer has becomes a full upsert. A whole batch
 * refused as invalid is split into single items to find the bad one. A batch that keeps failing
 * transiently aborts the run (the caller's pass then stays incomplete).
 *
 * <p>Crash safety without intents: catalog upserts are idempotent per (product, fingerprint) and deletes
 * of absent listings count as done, so a batch replayed after a crash converges. Not thread-safe: one
 * writer per pipeline run.
 */
final class CatalogWriter {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogWriter.class);

    private final String storeId;
    private final CatalogTarget target;
    private final StateStore store;
    private final RemoteCalls calls;
    private final RunCounter counter;
    private final Failures failures;
    private final long generation;
    private final LedgerRecorder ledger;

    private final PendingWrites pending = new PendingWrites();
    /** The mappings of the products whose writes are held or in flight (bounded by the batches, not the pass). */
    private final Map<String, Mapping> known = new HashMap<>();
    /** The shop versions of the products whose writes are held or in flight, kept once they are written. */
    private final Map<String, SourceVersion> versions = new HashMap<>();

    /**
     * @param generation the full pass's generation, stamped on every mapping written; 0 outside full
     *     passes (mappings keep theirs)
     */
    CatalogWriter(String storeId, CatalogTarget target, StateStore store, RemoteCalls calls, RunCounter counter,
            Failures failures, long generation) {
        this.storeId = storeId;
        this.target = target;
        this.store = store;
        this.calls = calls;
        this.counter = counter;
        this.failures = failures;
        this.generation = generation;
        this.ledger = new LedgerRecorder(storeId, store);
    }

    /** Tags the plans added from now on with this source page of the pass (counting from 1). */
    void page(int number) {
        pending.page(number);
    }

    /** The last page through which every write added is sent and its result recorded (see {@link PendingWrites}). */
    int doneThrough() {
        return pending.doneThrough();
    }

    /** The shop versions of products about to be added (read whole by the pass); later reads replace earlier. */
    void versions(Map<String, SourceVersion> read) {
        versions.putAll(read);
    }

    /** Queues a plan's writes, sending full batches at once. */
    void add(CatalogPlan plan, Map<String, Mapping> mappings) throws InterruptedException {
        ledger.planned(plan);
        plan.productIds().stream().filter(pending::drop).forEach(known::remove);
        for (CatalogPlan.Upsert upsert : plan.upserts()) {
            rememberMapping(upsert.product().id(), mappings);
            pending.upsert(upsert);
        }
        for (String id : plan.deletes()) {
            rememberMapping(id, mappings);
            pending.delete(id);
        }
        int maxStock = target.maxInventoryBatchSize();
        for (CatalogPlan.StockOnly item : plan.stockOnly()) {
            rememberMapping(item.product().id(), mappings);
            PendingWrites.Stock queued = new PendingWrites.Stock(item, item.inventoryUpdates());
            if (pending.stockItems() > 0 && pending.stockItems() + queued.updates().size() > maxStock) {
                sendInventory();
            }
            pending.stock(queued);
        }
        while (pending.catalogSize() >= target.maxBatchSize()) {
            sendCatalogBatch();
        }
        if (pending.stockItems() >= maxStock) {
            sendInventory();
        }
    }

    /**
     * Sends everything queued. Stock updates ride along as upserts in a last catalog batch that has room for them
     * (one marketplace request where the inventory endpoint would have cost a second).
     */
    void flush() throws InterruptedException {
        int room = target.maxBatchSize() - pending.catalogSize() % Math.max(1, target.maxBatchSize());
        if (pending.catalogSize() > 0 && !pending.stock.isEmpty() && pending.stock.size() <= room) {
            for (PendingWrites.Stock item : pending.takeStock()) {
                pending.upsertInstead(new CatalogPlan.Upsert(item.item().product(), item.item().fingerprints(), false));
            }
        }
        sendInventory();
        while (pending.catalogSize() > 0) {
            sendCatalogBatch();
        }
        known.clear();
        versions.clear();
    }

    private void rememberMapping(String id, Map<String, Mapping> mappings) {
        Mapping mapping = mappings.get(id);
        if (mapping != null) {
            known.put(id, mapping);
        }
    }

    // ---- catalog batches ----

    private void sendCatalogBatch() throws InterruptedException {
        int max = target.maxBatchSize();
        List<CatalogPlan.Upsert> batchUpserts = take(pending.upserts, Math.min(max, pending.upserts.size()));
        List<String> batchDeletes = take(pending.deletes, Math.min(max - batchUpserts.size(), pending.deletes.size()));
        apply(batchUpserts, batchDeletes);
    }

    private static <T> List<T> take(List<T> from, int n) {
        List<T> head = new ArrayList<>(from.subList(0, n));
        from.subList(0, n).clear();
        return head;
    }

    private void apply(List<CatalogPlan.Upsert> batchUpserts, List<String> batchDeletes) throws InterruptedException {
        if (batchUpserts.isEmpty() && batchDeletes.isEmpty()) {
            return;
        }
        CatalogBatch batch = new CatalogBatch(batchUpserts.stream().map(CatalogPlan.Upsert::listing).toList(),
                batchDeletes);
        List<WriteResult> results;
        try {
            results = calls.marketplace("catalog batch of " + batch.size(), () -> target.apply(batch));
        } catch (InvalidItemException e) {
            if (batch.size() == 1) {
                if (batchUpserts.isEmpty()) {
                    giveUpDelete(batchDeletes.get(0), e.code() + ": " + e.getMessage());
                } else {
                    giveUpUpsert(batchUpserts.get(0), e.code() + ": " + e.getMessage());
                }
                ledger.flush();
                resolved(batchUpserts, batchDeletes);
                return;
            }
            for (CatalogPlan.Upsert upsert : batchUpserts) {
                apply(List.of(upsert), List.of());
            }
            for (String id : batchDeletes) {
                apply(List.of(), List.of(id));
            }
            return;
        }
        Map<String, WriteResult> upsertResults = new HashMap<>();
        Map<String, WriteResult> deleteResults = new HashMap<>();
        BatchResults.match(results, batchUpserts, batchDeletes, upsertResults, deleteResults);

        List<Mapping> written = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (CatalogPlan.Upsert upsert : batchUpserts) {
            WriteResult result = upsertResults.get(upsert.product().id());
            if (result == null) {
                result = ItemResults.missing(upsert.product().id());
            }
            if (result.succeeded()) {
                written.add(upserted(upsert, result));
                ledger.listed(upsert, result);
            } else if (ItemResults.error(result).retryable()) {
                written.addAll(retryUpsertAlone(upsert));
            } else {
                giveUpUpsert(upsert, ItemResults.describe(result));
            }
        }
        for (String id : batchDeletes) {
            WriteResult result = deleteResults.get(id);
            if (result == null) {
                result = ItemResults.missing(id);
            }
            if (deletedOrAbsent(result) || (ItemResults.error(result).retryable() && retryDeleteAlone(id))) {
                counter.deleted(1);
                gone.add(id);
                ledger.deleted(id);
            } else if (!ItemResults.error(result).retryable()) {
                giveUpDelete(id, ItemResults.describe(result));
            }
        }
        keep(written);
        if (!gone.isEmpty()) {
            store.mappings().delete(storeId, EntityKind.PRODUCT, gone);
        }
        resolveDeadLetters(written, gone);
        ledger.flush();
        resolved(batchUpserts, batchDeletes);
    }

    /** The batch's results are recorded: its products no longer hold back the pass's checkpoint. */
    private void resolved(List<CatalogPlan.Upsert> batchUpserts, List<String> batchDeletes) {
        batchUpserts.forEach(u -> done(u.product().id()));
        batchDeletes.forEach(this::done);
    }

    private void done(String id) {
        pending.done(id);
        known.remove(id);
        versions.remove(id);
    }

    /** Records written mappings, then the shop versions they stand for (never a version before its listing). */
    private void keep(List<Mapping> written) {
        if (!written.isEmpty()) {
            store.mappings().upsert(written);
            store.mappings().saveVersions(storeId, SourceVersions.only(versions,
                    written.stream().map(Mapping::sourceId).toList()));
        }
    }

    /**
     * Products written after all no longer belong in the dead letters, which then show only what is still
     * broken. One small batch per write batch, nothing when nothing was written.
     */
    private void resolveDeadLetters(List<Mapping> written, List<String> gone) {
        List<String> ids = new ArrayList<>(written.size() + gone.size());
        written.forEach(m -> ids.add(m.sourceId()));
        ids.addAll(gone);
        if (ids.isEmpty()) {
            return;
        }
        int resolved = store.deadLetters().resolve(storeId, Failures.PRODUCT, ids);
        if (resolved > 0) {
            LOG.info("store {}: {} product dead letters resolved: the products went through", storeId, resolved);
        }
    }

    private Mapping upserted(CatalogPlan.Upsert upsert, WriteResult result) {
        switch (result.outcome()) {
            case CREATED -> counter.created(1);
            case UPDATED -> counter.updated(1);
            default -> counter.unchanged(1);
        }
        String id = upsert.product().id();
        Mapping before = known.get(id);
        String targetId = result.targetId() != null ? result.targetId() : before == null ? null : before.targetId();
        long gen = generation > 0 ? generation : before == null ? 0 : before.generation();
        return Mapping.of(storeId, EntityKind.PRODUCT, id, targetId, upsert.fingerprints().content(),
                upsert.fingerprints().stock(), gen, 0, "SYNCED", null)
                .withFieldFingerprints(FieldFingerprints.of(upsert.product()))
                .withStockLevels(StockLevels.of(upsert.product()));
    }

    private List<Mapping> retryUpsertAlone(CatalogPlan.Upsert upsert) throws InterruptedException {
        CatalogBatch single = new CatalogBatch(List.of(upsert.listing()), List.of());
        try {
            WriteResult result = calls.marketplace("listing " + upsert.product().id(),
                    () -> ItemResults.itemOutcome(ItemResults.single(target.apply(single), upsert.product().id())));
            if (result.succeeded()) {
                ledger.listed(upsert, result);
                return List.of(upserted(upsert, result));
            }
            giveUpUpsert(upsert, ItemResults.describe(result));
        } catch (ItemResults.ItemStillFailing e) {
            giveUpUpsert(upsert, "still failing after retries: " + e.getMessage());
        } catch (InvalidItemException e) {
            giveUpUpsert(upsert, e.code() + ": " + e.getMessage());
        }
        return List.of();
    }

    private boolean retryDeleteAlone(String id) throws InterruptedException {
        CatalogBatch single = new CatalogBatch(List.of(), List.of(id));
        try {
            WriteResult result = calls.marketplace("delete listing " + id,
                    () -> ItemResults.itemOutcome(ItemResults.single(target.apply(single), id)));
            if (deletedOrAbsent(result)) {
                return true;
            }
            giveUpDelete(id, ItemResults.describe(result));
        } catch (ItemResults.ItemStillFailing e) {
            giveUpDelete(id, "still failing after retries: " + e.getMessage());
        } catch (InvalidItemException e) {
            giveUpDelete(id, e.code() + ": " + e.getMessage());
        }
        return false;
    }

    private static boolean deletedOrAbsent(WriteResult result) {
        return result.succeeded() || ItemResults.notFound(result);
    }

    private void giveUpUpsert(CatalogPlan.Upsert upsert, String why) {
        ledger.failed(upsert.product().id(), upsert.fingerprints().listing(), upsert.create() ? "create" : "update", why);
        failures.giveUp(Failures.PRODUCT, upsert.product().id(), "the marketplace refused product "
                + upsert.product().id() + " (" + upsert.product().title() + "): " + why,
                Payloads.product(upsert.product()));
    }

    private void giveUpDelete(String id, String why) {
        ledger.failed(id, null, "delete", why);
        failures.giveUp(Failures.PRODUCT, id, "the marketplace did not remove the listing of product " + id + ": "
                + why, Payloads.write(Map.of("id", id, "action", "delete")));
    }

    // ---- inventory ----

    private void sendInventory() throws InterruptedException {
        if (pending.stock.isEmpty()) {
            return;
        }
        List<PendingWrites.Stock> items = pending.takeStock();
        Map<String, CatalogPlan.StockOnly> byProduct = new LinkedHashMap<>();
        List<InventoryWriter.StockItem> toSend = new ArrayList<>(items.size());
        for (PendingWrites.Stock item : items) {
            byProduct.put(item.item().product().id(), item.item());
            toSend.add(new InventoryWriter.StockItem(item.item().product(), item.updates()));
        }
        Map<String, InventoryWriter.Outcome> outcomes =
                new InventoryWriter(target, calls, failures).send(toSend);
        List<Mapping> written = new ArrayList<>();
        for (CatalogPlan.StockOnly item : byProduct.values()) {
            // the writer answers for every product it was sent
            switch (Objects.requireNonNull(outcomes.get(item.product().id()), "outcome")) {
                case WRITTEN -> {
                    written.add(stockWritten(item));
                    ledger.stockWritten(item);
                }
                // the listing is gone or incomplete at the marketplace: send the whole product
                case LISTING_GONE -> pending.upsertInstead(
                        new CatalogPlan.Upsert(item.product(), item.fingerprints(), true));
                case GIVEN_UP -> ledger.failed(item.product().id(), item.fingerprints().listing(), "stock",
                        "the marketplace refused the stock update (see the dead letters)");
            }
        }
        keep(written);
        resolveDeadLetters(written, List.of());
        ledger.flush();
        outcomes.forEach((id, outcome) -> {
            if (outcome != InventoryWriter.Outcome.LISTING_GONE) {
                done(id);
            }
        });
    }

    private Mapping stockWritten(CatalogPlan.StockOnly item) {
        counter.updated(1);
        Mapping before = known.get(item.product().id());
        long gen = generation > 0 ? generation : before == null ? 0 : before.generation();
        return Mapping.of(storeId, EntityKind.PRODUCT, item.product().id(), before == null ? null : before.targetId(),
                item.fingerprints().content(), item.fingerprints().stock(), gen, 0, "SYNCED", null)
                .withFieldFingerprints(FieldFingerprints.of(item.product()))
                .withStockLevels(StockLevels.of(item.product()));
    }
}
