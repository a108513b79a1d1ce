package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.core.store.LedgerEntry;
import com.golisto.sync.core.store.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Collects a writer's per-product decisions and writes them to the ledger in one batch per marketplace batch
 * (or per planned page for unchanged and skipped products): never one round trip per product. Not thread-safe.
 */
final class LedgerRecorder {

    private final String storeId;
    private final StateStore store;
    private final List<LedgerEntry> pending = new ArrayList<>();
    private final Map<String, String> deleteReasons = new HashMap<>();
    private final Map<String, CatalogPlan.Label> labels = new HashMap<>();

    LedgerRecorder(String storeId, StateStore store) {
        this.storeId = storeId;
        this.store = store;
    }

    /** Records a plan's unchanged and skipped products at once, and remembers why its deletes are deletes. */
    void planned(CatalogPlan plan) {
        labels.putAll(plan.labels());
        for (String id : plan.unchanged()) {
            String reason = plan.reasons().get(id);
            add(LedgerEntry.of(storeId, id, null, null, null,
                    reason == null ? LedgerEntry.UNCHANGED : LedgerEntry.SKIPPED, reason));
        }
        for (String id : plan.deletes()) {
            deleteReasons.put(id, plan.reasons().getOrDefault(id, "no longer listable"));
        }
        flush();
    }

    void listed(CatalogPlan.Upsert upsert, WriteResult result) {
        add(LedgerEntry.of(storeId, upsert.product().id(), upsert.fingerprints().listing(),
                upsert.create() ? "create" : "update", result.outcome().name(), LedgerEntry.LISTED, null));
    }

    void stockWritten(CatalogPlan.StockOnly item) {
        add(LedgerEntry.of(storeId, item.product().id(), item.fingerprints().listing(), "stock", "UPDATED",
                LedgerEntry.LISTED, null));
    }

    void deleted(String id) {
        add(LedgerEntry.of(storeId, id, null, "delete", "DELETED", LedgerEntry.DELETED,
                deleteReasons.remove(id)));
    }

    void failed(String id, @Nullable String shopVersion, String action, String error) {
        add(LedgerEntry.of(storeId, id, shopVersion, action, error, LedgerEntry.FAILED, error));
    }

    private void add(LedgerEntry entry) {
        // a label is used once: by the product's first ledger row of this writer (later ones keep it in the store)
        CatalogPlan.Label label = labels.remove(entry.productId());
        pending.add(label == null ? entry : entry.labelled(label.sku(), label.title()));
    }

    /** Writes what was collected, one batch. */
    void flush() {
        if (!pending.isEmpty()) {
            store.ledger().record(pending);
            pending.clear();
        }
    }
}
