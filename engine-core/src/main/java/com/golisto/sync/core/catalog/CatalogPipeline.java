package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.KnownProducts;
import com.golisto.sync.core.runs.Batches;
import com.golisto.sync.core.runs.Failures;
import com.golisto.sync.core.runs.RemoteCalls;
import com.golisto.sync.core.runs.RunCounter;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.Mapping;
import com.golisto.sync.core.store.SourceVersion;
import com.golisto.sync.core.store.StateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The catalog pipeline of one store, shop to marketplace, for one run. Reads the shop page by page
 * (memory bounded by the page size plus the write batches held), plans each page against the state store, and
 * writes through a {@link CatalogWriter}, which packs the writes of many pages into full marketplace batches.
 *
 * <ul>
 *   <li>{@link #fullPass()}: mark and sweep. Takes a new generation, stamps every mapping the pass sees,
 *       and only when the whole catalog was read and written deletes the listings of products it did not
 *       see (each checked against the shop first, as a pass over a catalog changing underneath may skip
 *       one). Then it moves the incremental cursor to where the pass started. An aborted pass deletes
 *       nothing and leaves the cursor, plus a checkpoint after its last written page from which the
 *       next full pass resumes.</li>
 *   <li>{@link #incrementalPass()}: the products changed since the stored cursor; the cursor moves as the
 *       pages' writes are sent and recorded.</li>
 *   <li>{@link #syncProducts}: re-reads the named products (webhooks, orders, replays), up to 100 per shop
 *       call, and syncs them.</li>
 * </ul>
 * Not thread-safe: the engine runs one pipeline per store at a time.
 */
public final class CatalogPipeline {

    /** The state store cursor holding the shop's changed-since position. */
    public static final String CURSOR = "catalog.changed-since";
    /** Products re-read per {@link CatalogSource#readMany} call (WooCommerce lists at most 100 by id). */
    static final int READ_MANY = 100;
    /**
     * The most pages a write may be held for before the pass sends part batches: bounds what a pass resumed after a
     * crash reads again (its checkpoint or cursor stays before the oldest held write), at a cost of at most one part
     * batch per endpoint every this many pages, paid only by catalogs where few products change.
     */
    static final int MAX_HELD_PAGES = 100;
    /** The longest checkpoint the state store keeps (its cursor values hold up to 4,000 characters). */
    private static final int MAX_CHECKPOINT = 4000;

    private final String storeId;
    private final CatalogSource source;
    private final CatalogTarget target;
    private final StateStore store;
    private final RemoteCalls calls;
    private final RunCounter counter;
    private final Failures failures;

    /** One run's pipeline. */
    public CatalogPipeline(String storeId, CatalogSource source, CatalogTarget target, StateStore store,
            RemoteCalls calls, RunCounter counter, Failures failures) {
        this.storeId = storeId;
        this.source = source;
        this.target = target;
        this.store = store;
        this.calls = calls;
        this.counter = counter;
        this.failures = failures;
    }

    /**
     * A full reconciliation; throws (and deletes nothing) when the pass cannot complete. As the pages' writes
     * are sent and recorded the pass saves a {@link FullPassCheckpoint}; a pass that finds one of an
     * unfinished pass resumes after its last page with the same generation, so the final sweep deletes
     * only what neither part saw.
     */
    public void fullPass() throws InterruptedException {
        fullPass(id -> true);
    }

    /**
     * A full reconciliation that reads whole only the products whose version moved since the engine last read them
     * and those {@code readWhole} names (the day's slice of the rolling deep check, see {@link SourceVersions});
     * the others are seen (so the sweep keeps them) without their variants being read again. The daily pass.
     */
    public void fullPass(Predicate<String> readWhole) throws InterruptedException {
        KnownProducts known = SourceVersions.known(store, storeId, readWhole);
        FullPassCheckpoint resumed = resumable().orElse(null);
        long generation = resumed != null ? resumed.generation() : store.stores().nextGeneration(storeId);
        CatalogWriter writer = writer(generation);
        Cursor startedAt = resumed != null ? resumed.startedAt() : null;
        String token = resumed != null ? resumed.nextPageToken() : null;
        int pages = resumed != null ? resumed.pagesDone() : 0;
        boolean first = resumed == null;
        // The checkpoint says "pages 1..n are done; read on from this token", and a resumed pass never reads those
        // pages again, so n must be a page through which every write is sent and recorded. Writes are held across
        // pages until a batch is full, so n is the writer's doneThrough(): the page before the oldest write it still
        // holds. The token that reads page n + 1 is kept for each page read since the last checkpoint.
        int saved = pages;
        TreeMap<Integer, String> tokenAfter = new TreeMap<>();
        String lastPageToken = token;
        do {
            String pageToken = token;
            CatalogPage page = calls.shop("read catalog page", () -> source.readAll(pageToken, known));
            if (first) {
                startedAt = page.cursor();
                first = false;
            }
            lastPageToken = pageToken;
            pages++;
            writer.page(pages);
            process(page, writer, generation);
            counter.page();
            token = page.nextPageToken();
            if (token != null) {
                tokenAfter.put(pages, token);
                int done = progress(writer, pages);
                String next = tokenAfter.get(done);
                if (done > saved && next != null) {
                    checkpoint(new FullPassCheckpoint(generation, done, startedAt, next));
                    saved = done;
                }
                tokenAfter.headMap(done, true).clear();
            }
        } while (token != null);
        writer.flush();
        if (lastPageToken != null && pages - 1 > saved) {
            // every page is written: a pass killed in its sweep resumes by reading the last page only
            checkpoint(new FullPassCheckpoint(generation, pages - 1, startedAt, lastPageToken));
        }
        sweep(generation, writer);
        if (startedAt != null) {
            store.cursors().save(storeId, CURSOR, startedAt.value());
        }
        store.cursors().delete(storeId, FullPassCheckpoint.NAME);
    }

    /**
     * The page through which every write is sent and recorded, after sending part batches when a write has been
     * held for {@value #MAX_HELD_PAGES} pages.
     */
    private static int progress(CatalogWriter writer, int pages) throws InterruptedException {
        if (pages - writer.doneThrough() >= MAX_HELD_PAGES) {
            writer.flush();
        }
        return writer.doneThrough();
    }

    /**
     * The checkpoint of this store's unfinished full pass, when resuming it is safe: it must belong to the
     * store's latest generation (a pass started since, or a reset of the store's listings, makes it
     * stale). Resuming is safe for page tokens that are offsets into a catalog that changed meanwhile:
     * products that moved to pages already done are unseen by this generation, so the sweep checks each
     * with the shop and lists it instead of deleting it. A checkpoint that cannot be read starts over.
     */
    private Optional<FullPassCheckpoint> resumable() {
        Optional<FullPassCheckpoint> saved = store.cursors().find(storeId, FullPassCheckpoint.NAME)
                .flatMap(FullPassCheckpoint::decode);
        long current = store.stores().find(storeId).map(r -> r.generation()).orElse(0L);
        return saved.filter(c -> c.generation() == current);
    }

    private void checkpoint(FullPassCheckpoint checkpoint) {
        String value = checkpoint.encode();
        if (value.length() <= MAX_CHECKPOINT) {
            store.cursors().save(storeId, FullPassCheckpoint.NAME, value);
        } else {
            // a token too long to keep: a later retry starts over rather than resuming from a stale point
            store.cursors().delete(storeId, FullPassCheckpoint.NAME);
        }
    }

    /**
     * Forgets the store's unfinished full pass, so the next one starts from the first page (its listings
     * on the marketplace were reset, as after a new approval).
     */
    public static void forgetCheckpoint(StateStore store, String storeId) {
        store.cursors().delete(storeId, FullPassCheckpoint.NAME);
    }

    /**
     * An incremental pass from the stored cursor. A changed product whose version the engine already holds (a
     * webhook-triggered sync read it at that version) is not read whole again.
     *
     * @return the ids of the products (and variants) the pass saw
     */
    public Set<String> incrementalPass() throws InterruptedException {
        KnownProducts known = SourceVersions.known(store, storeId, id -> false);
        Set<String> seen = new HashSet<>();
        Cursor since = store.cursors().find(storeId, CURSOR).map(Cursor::new).orElse(Cursor.beginning());
        CatalogWriter writer = writer(0);
        // a page's cursor is saved once every write of that page and the pages before it is sent and recorded
        TreeMap<Integer, Cursor> cursorAfter = new TreeMap<>();
        String token = null;
        int pages = 0;
        do {
            String pageToken = token;
            CatalogPage page = calls.shop("read changed products",
                    () -> source.readChanged(since, pageToken, known));
            pages++;
            writer.page(pages);
            process(page, writer, 0);
            seen.addAll(page.unchanged());
            page.products().forEach(p -> {
                seen.add(p.id());
                p.variants().forEach(v -> seen.add(v.id()));
            });
            counter.page();
            if (page.cursor() != null) {
                cursorAfter.put(pages, page.cursor());
            }
            token = page.nextPageToken();
            if (token != null) {
                saveCursor(cursorAfter, progress(writer, pages));
            }
        } while (token != null);
        writer.flush();
        saveCursor(cursorAfter, pages);
        return seen;
    }

    /**
     * What webhooks made due: an incremental pass (which reads the notified products, since their change moved
     * their modification time, and whatever changed without a webhook), then the notified products it did not see.
     * A store that has no incremental cursor yet (no complete full pass) syncs the notified products only.
     */
    public void webhookPass(Collection<String> productIds) throws InterruptedException {
        if (store.cursors().find(storeId, CURSOR).isEmpty()) {
            syncProducts(productIds);
            return;
        }
        Set<String> seen = incrementalPass();
        List<String> rest = productIds.stream().filter(id -> !seen.contains(id)).distinct().toList();
        if (!rest.isEmpty()) {
            syncProducts(rest);
        }
    }

    private void saveCursor(TreeMap<Integer, Cursor> cursorAfter, int done) {
        Map.Entry<Integer, Cursor> latest = cursorAfter.floorEntry(done);
        if (latest != null) {
            store.cursors().save(storeId, CURSOR, latest.getValue().value());
            cursorAfter.headMap(done, true).clear();
        }
    }

    /**
     * Re-reads these products from the shop and syncs them (a product the shop no longer has is delisted).
     * The products are read {@value #READ_MANY} at a time with {@link CatalogSource#readMany}, so a burst
     * of webhooks costs a few shop requests rather than one per product. An id missing from the answer is
     * treated as gone, as {@link CatalogSource#read} answering empty would be, unless it is the id of a
     * variant of a product in the answer (a variant's id resolves to its parent).
     */
    public void syncProducts(Collection<String> productIds) throws InterruptedException {
        CatalogWriter writer = writer(0);
        List<String> ids = List.copyOf(new LinkedHashSet<>(productIds));
        for (List<String> chunk : Batches.of(ids, READ_MANY)) {
            List<Product> present = calls.shop("read " + chunk.size() + " products", () -> source.readMany(chunk));
            Set<String> answered = new HashSet<>();
            for (Product product : present) {
                answered.add(product.id());
                product.variants().forEach(v -> answered.add(v.id()));
            }
            List<String> gone = chunk.stream().filter(id -> !answered.contains(id)).toList();
            Set<String> lookup = new HashSet<>(gone);
            present.forEach(p -> lookup.add(p.id()));
            Map<String, Mapping> known = store.mappings().findAll(storeId, EntityKind.PRODUCT, lookup);
            counter.read(present.size());
            CatalogPlan plan = CatalogPlanner.plan(present, id -> fingerprints(known.get(id)));
            countUnchanged(plan);
            writer.add(plan, known);
            for (String id : gone) {
                CatalogPlan goneOne = CatalogPlanner.planGone(id, fingerprints(known.get(id)));
                countUnchanged(goneOne);
                writer.add(goneOne, known);
            }
        }
        writer.flush();
    }

    private CatalogWriter writer(long generation) {
        return new CatalogWriter(storeId, target, store, calls, counter, failures, generation);
    }

    private void process(CatalogPage page, CatalogWriter writer, long generation) throws InterruptedException {
        List<String> unchanged = page.unchanged();
        if (!unchanged.isEmpty()) {
            counter.read(unchanged.size());
            counter.unchanged(unchanged.size());
            if (generation > 0) {
                store.mappings().markSeen(storeId, EntityKind.PRODUCT, unchanged, generation);
            }
        }
        Map<String, SourceVersion> read = SourceVersions.read(page.products(), page.versions());
        writer.versions(read);
        CatalogPlan plan = process(page.products(), writer, generation);
        if (plan != null && !read.isEmpty()) {
            // an unchanged listing stands for the version read: keep it (a written one is kept by the writer)
            store.mappings().saveVersions(storeId, SourceVersions.only(read,
                    plan.unchanged().stream().filter(id -> !plan.reasons().containsKey(id)).toList()));
        }
    }

    private @Nullable CatalogPlan process(List<Product> products, CatalogWriter writer, long generation)
            throws InterruptedException {
        if (products.isEmpty()) {
            return null;
        }
        counter.read(products.size());
        List<String> ids = products.stream().map(Product::id).toList();
        Map<String, Mapping> known = store.mappings().findAll(storeId, EntityKind.PRODUCT, ids);
        if (generation > 0 && !known.isEmpty()) {
            store.mappings().markSeen(storeId, EntityKind.PRODUCT, known.keySet(), generation);
        }
        CatalogPlan plan = CatalogPlanner.plan(products, id -> fingerprints(known.get(id)));
        countUnchanged(plan);
        writer.add(plan, known);
        return plan;
    }

    /** Deletes what the complete pass did not see, after checking each with the shop. */
    private void sweep(long generation, CatalogWriter writer) throws InterruptedException {
        Set<String> kept = new HashSet<>();
        int page = Math.max(1, target.maxBatchSize());
        while (true) {
            List<Mapping> unseen = store.mappings().unseenBefore(storeId, EntityKind.PRODUCT, generation, page + kept.size())
                    .stream().filter(m -> !kept.contains(m.sourceId())).limit(page).toList();
            if (unseen.isEmpty()) {
                return;
            }
            List<Product> stillOffered = new ArrayList<>();
            List<String> toDelete = new ArrayList<>();
            Map<String, String> reasons = new HashMap<>();
            Map<String, Product> now = new HashMap<>();
            for (List<Mapping> chunk : Batches.of(unseen, READ_MANY)) {
                List<String> ids = chunk.stream().map(Mapping::sourceId).toList();
                calls.shop("check " + ids.size() + " unseen products", () -> source.readProducts(ids))
                        .forEach(p -> now.put(p.id(), p));
            }
            for (Mapping mapping : unseen) {
                Product product = now.get(mapping.sourceId());
                if (product != null && product.status() == ProductStatus.ACTIVE) {
                    stillOffered.add(product);
                } else {
                    toDelete.add(mapping.sourceId());
                    reasons.put(mapping.sourceId(),
                            product != null ? CatalogPlanner.notListableReason(product) : CatalogPlanner.REMOVED);
                }
            }
            Map<String, Mapping> known = store.mappings().findAll(storeId, EntityKind.PRODUCT,
                    unseen.stream().map(Mapping::sourceId).toList());
            if (!stillOffered.isEmpty()) {
                store.mappings().markSeen(storeId, EntityKind.PRODUCT, stillOffered.stream().map(Product::id).toList(), generation);
                counter.read(stillOffered.size());
                CatalogPlan plan = CatalogPlanner.plan(stillOffered, id -> fingerprints(known.get(id)));
                countUnchanged(plan);
                writer.add(plan, known);
            }
            writer.add(new CatalogPlan(List.of(), List.of(), toDelete, List.of(), reasons), known);
            writer.flush();
            // whatever is still unseen now (refused deletes) must not be offered to this loop again
            Set<String> remaining = new HashSet<>(store.mappings().findAll(storeId, EntityKind.PRODUCT, toDelete).keySet());
            kept.addAll(remaining);
            stillOffered.forEach(p -> kept.add(p.id()));
        }
    }

    /** Counts a plan's unchanged products: the skipped ones (not listable) by reason, the rest as unchanged. */
    private void countUnchanged(CatalogPlan plan) {
        Map<String, Long> skipped = plan.skippedByReason();
        long skippedTotal = 0;
        for (Map.Entry<String, Long> e : skipped.entrySet()) {
            counter.skipped(e.getKey(), e.getValue());
            skippedTotal += e.getValue();
        }
        counter.unchanged(plan.unchanged().size() - skippedTotal);
    }

    /** The fingerprints a mapping holds, null when it holds none (the product counts as never listed). */
    static @Nullable ProductFingerprints fingerprints(@Nullable Mapping mapping) {
        if (mapping == null || mapping.fingerprint() == null || mapping.stockFingerprint() == null) {
            return null;
        }
        return new ProductFingerprints(mapping.fingerprint(), mapping.stockFingerprint(), mapping.stockLevels());
    }
}
