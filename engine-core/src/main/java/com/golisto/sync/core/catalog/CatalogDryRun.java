package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.core.DryRunReport;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runs.RunCounter;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.Mapping;
import com.golisto.sync.core.store.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A full pass of one store computed and not written: it reads the shop catalog page by page and plans each page
 * with the {@link CatalogPlanner} against the store's mappings, exactly as {@link CatalogPipeline#fullPass()} does,
 * then treats every listing the pass did not see as the full pass's sweep does (re-read from the shop: still
 * offered, it is planned like the others; else it would be deleted, with the reason). It never calls the
 * marketplace and writes nothing to the state store (no mapping, ledger entry, generation, cursor or checkpoint):
 * the sweep works from the ids it saw, kept in memory (a few dozen bytes per product) instead of generation marks,
 * and it always starts from the first page, whatever checkpoint an unfinished full pass left.
 *
 * <p>The run's counts say what was read and left as it is; nothing is counted as created, updated or deleted
 * (nothing was). Not thread-safe: one per run.
 */
public final class CatalogDryRun {

    private final String storeId;
    private final CatalogSource source;
    private final StateStore store;
    private final RemoteCalls calls;
    private final RunCounter counter;
    private final DryRunTally tally;

    /**
     * @param sampleLimit the most products kept per kind of change
     */
    public CatalogDryRun(String storeId, CatalogSource source, StateStore store, RemoteCalls calls,
            RunCounter counter, int sampleLimit) {
        this.storeId = storeId;
        this.source = source;
        this.store = store;
        this.calls = calls;
        this.counter = counter;
        this.tally = new DryRunTally(sampleLimit);
    }

    /** Computes the pass; throws (and reports nothing) when the shop cannot be read to the end. */
    public DryRunReport run(RunId runId, Instant now) throws InterruptedException {
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            String pageToken = token;
            Page<Product> page = calls.shop("read catalog page", () -> source.readAll(pageToken));
            // a product a shifting catalog shows twice is decided once, as the real pass writes it once
            List<Product> fresh = page.items().stream().filter(p -> !seen.contains(p.id())).toList();
            fresh.forEach(p -> seen.add(p.id()));
            plan(fresh);
            token = page.nextPageToken();
        } while (token != null);
        sweep(seen);
        return tally.report(storeId, runId, now, counter.snapshot().read());
    }

    private void plan(List<Product> products) {
        if (products.isEmpty()) {
            return;
        }
        counter.read(products.size());
        Map<String, Mapping> known = store.mappings().findAll(storeId, EntityKind.PRODUCT,
                products.stream().map(Product::id).toList());
        CatalogPlan plan = CatalogPlanner.plan(products, id -> CatalogPipeline.fingerprints(known.get(id)));
        counter.unchanged(plan.unchanged().size());
        tally.add(plan, known);
    }

    /** The listings the pass did not see, each checked with the shop as the full pass's sweep checks them. */
    private void sweep(Set<String> seen) throws InterruptedException {
        String after = "";
        while (true) {
            List<Mapping> mappings = store.mappings().pageAfter(storeId, EntityKind.PRODUCT, after,
                    CatalogPipeline.READ_MANY);
            if (mappings.isEmpty()) {
                return;
            }
            after = mappings.get(mappings.size() - 1).sourceId();
            List<Product> stillOffered = new ArrayList<>();
            List<String> toDelete = new ArrayList<>();
            Map<String, String> reasons = new LinkedHashMap<>();
            Map<String, Mapping> known = new LinkedHashMap<>();
            for (Mapping mapping : mappings) {
                if (seen.contains(mapping.sourceId())) {
                    continue;
                }
                known.put(mapping.sourceId(), mapping);
                Optional<Product> now = calls.shop("check unseen product", () -> source.read(mapping.sourceId()));
                if (now.isPresent() && now.get().status() == ProductStatus.ACTIVE) {
                    stillOffered.add(now.get());
                } else {
                    toDelete.add(mapping.sourceId());
                    reasons.put(mapping.sourceId(),
                            now.map(CatalogPlanner::notListableReason).orElse(CatalogPlanner.REMOVED));
                }
            }
            stillOffered.forEach(p -> seen.add(p.id()));
            if (!stillOffered.isEmpty()) {
                counter.read(stillOffered.size());
                CatalogPlan plan = CatalogPlanner.plan(stillOffered,
                        id -> CatalogPipeline.fingerprints(known.get(id)));
                counter.unchanged(plan.unchanged().size());
                tally.add(plan, known);
            }
            tally.add(new CatalogPlan(List.of(), List.of(), toDelete, List.of(), reasons), known);
        }
    }
}
