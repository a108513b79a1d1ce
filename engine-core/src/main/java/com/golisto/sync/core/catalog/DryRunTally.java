package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.core.DryRunReport;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.store.Mapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Adds up the plans of a dry run into a {@link DryRunReport}: counts per kind of change, skip and delete reasons
 * totalled, and the first products of each kind as samples. Updates name the fields that changed versus what
 * was last sent: the per-field fingerprints kept with the mapping ({@link FieldFingerprints}) and the stock
 * fingerprint. Not thread-safe.
 */
final class DryRunTally {

    private final int sampleLimit;
    private long unchanged;
    private long skipped;
    private long stockUpdated;
    private final Map<String, Long> skipReasons = new TreeMap<>();
    private final Map<String, Long> deleteReasons = new TreeMap<>();
    private final Sample creates;
    private final Sample updates;
    private final Sample stockUpdates;
    private final Sample deletes;
    private final Sample skips;

    DryRunTally(int sampleLimit) {
        if (sampleLimit < 0) {
            throw new IllegalArgumentException("sampleLimit must not be negative, was " + sampleLimit);
        }
        this.sampleLimit = sampleLimit;
        this.creates = new Sample(sampleLimit);
        this.updates = new Sample(sampleLimit);
        this.stockUpdates = new Sample(sampleLimit);
        this.deletes = new Sample(sampleLimit);
        this.skips = new Sample(sampleLimit);
    }

    /** Counts a plan; {@code known} holds the mappings of the plan's listed products. */
    void add(CatalogPlan plan, Map<String, Mapping> known) {
        for (CatalogPlan.Upsert upsert : plan.upserts()) {
            Product product = upsert.product();
            if (upsert.create()) {
                creates.add(new DryRunReport.Item(product.id(), product.sku(), product.title(), List.of(), null));
            } else {
                updates.add(new DryRunReport.Item(product.id(), product.sku(), product.title(),
                        changedFields(known.get(product.id()), upsert), null));
            }
        }
        for (CatalogPlan.StockOnly item : plan.stockOnly()) {
            stockUpdated++;
            stockUpdates.add(new DryRunReport.Item(item.product().id(), item.product().sku(), item.product().title(),
                    List.of(FieldFingerprints.STOCK), null));
        }
        for (String id : plan.deletes()) {
            String reason = plan.reasons().getOrDefault(id, "no longer listable");
            deleteReasons.merge(reason, 1L, Long::sum);
            deletes.add(new DryRunReport.Item(id, null, null, List.of(), reason));
        }
        for (String id : plan.unchanged()) {
            String reason = plan.reasons().get(id);
            if (reason == null) {
                unchanged++;
            } else {
                skipped++;
                skipReasons.merge(reason, 1L, Long::sum);
                skips.add(new DryRunReport.Item(id, null, null, List.of(), reason));
            }
        }
    }

    /** The fields of a listed product that differ from what was last sent, stock included. */
    private static List<String> changedFields(@Nullable Mapping mapping, CatalogPlan.Upsert upsert) {
        if (mapping == null) {
            return List.of(FieldFingerprints.CONTENT);
        }
        List<String> fields = new ArrayList<>(FieldFingerprints.changed(mapping.fieldFingerprints(), upsert.product()));
        if (!upsert.fingerprints().stock().equals(mapping.stockFingerprint())) {
            fields.add(FieldFingerprints.STOCK);
        }
        return fields;
    }

    /** The report, with the products read as the run counted them. */
    DryRunReport report(String storeId, RunId runId, Instant finishedAt, long read) {
        DryRunReport.Counts counts = new DryRunReport.Counts(read, creates.total, updates.total, stockUpdated,
                deletes.total, unchanged, skipped);
        return new DryRunReport(storeId, runId, finishedAt, counts, skipReasons, deleteReasons, sampleLimit,
                creates.items, updates.items, stockUpdates.items, deletes.items, skips.items);
    }

    /** The first products of one kind, and how many there were. */
    private static final class Sample {
        private final int limit;
        private final List<DryRunReport.Item> items = new ArrayList<>();
        private long total;

        Sample(int limit) {
            this.limit = limit;
        }

        void add(DryRunReport.Item item) {
            total++;
            if (items.size() < limit) {
                items.add(item);
            }
        }
    }
}
