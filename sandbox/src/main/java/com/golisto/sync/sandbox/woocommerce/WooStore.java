package com.golisto.sync.sandbox.woocommerce;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's catalog: products and variations, with sorted indexes so that list pages are computed
 * without sorting the catalog per request, and the {@link WooCategories} they refer to. Reads are lock-free;
 * writes take one lock.
 */
final class WooStore {

    /** What the store tells about product changes (webhooks listen). */
    interface Events {
        /**
         * A product or variation changed.
         *
         * @param event {@code created}, {@code updated}, {@code deleted} or {@code restored}
         * @param product the state after the change
         */
        void productChanged(String event, WooProduct product);
    }

    /** A position in a date index. */
    record DateKey(Instant at, long id) implements Comparable<DateKey> {
        @Override
        public int compareTo(DateKey o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private final Clock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong postIds = new AtomicLong(10);
    private final AtomicLong metaIds = new AtomicLong(1000);
    private final ConcurrentSkipListMap<Long, WooProduct> parents = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<Long, WooProduct> variations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, ConcurrentSkipListSet<Long>> childrenOf = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<DateKey> byCreated = new ConcurrentSkipListSet<>();
    private final ConcurrentSkipListSet<DateKey> byModified = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<String, Long> skuIndex = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> slugIndex = new ConcurrentHashMap<>();
    private final WooCategories categories = new WooCategories();
    private volatile Events events = (event, product) -> { };

    WooStore(Clock clock) {
        this.clock = clock;
    }

    void events(Events listener) {
        this.events = listener;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    long nextPostId() {
        return postIds.incrementAndGet();
    }

    long nextMetaId() {
        return metaIds.incrementAndGet();
    }

    /** Makes later ids larger than {@code id} (after loading a catalog with given ids). */
    void reservePostIds(long id) {
        postIds.accumulateAndGet(id, Math::max);
    }

    /** The category taxonomy, which has its own lock. */
    WooCategories categories() {
        return categories;
    }

    // ---------------------------------------------------------------- reads

    /** A product or a variation by id. */
    Optional<WooProduct> get(long id) {
        WooProduct p = parents.get(id);
        return Optional.ofNullable(p != null ? p : variations.get(id));
    }

    Optional<WooProduct> parent(long id) {
        return Optional.ofNullable(parents.get(id));
    }

    Optional<WooProduct> variation(long parentId, long variationId) {
        WooProduct v = variations.get(variationId);
        return v != null && v.parentId == parentId ? Optional.of(v) : Optional.empty();
    }

    Optional<WooProduct> bySku(String sku) {
        Long id = skuIndex.get(sku.toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : get(id);
    }

    /** The variations of a product in {@code menu_order}, then id order. */
    List<WooProduct> variationsOf(long parentId) {
        ConcurrentSkipListSet<Long> ids = childrenOf.get(parentId);
        if (ids == null) {
            return List.of();
        }
        List<WooProduct> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            WooProduct v = variations.get(id);
            if (v != null) {
                out.add(v);
            }
        }
        out.sort(Comparator.comparingInt((WooProduct v) -> v.menuOrder).thenComparingLong(v -> v.id));
        return out;
    }

    int productCount() {
        return parents.size();
    }

    int variationCount() {
        return variations.size();
    }

    Collection<WooProduct> allParents() {
        return parents.values();
    }

    /**
     * One page of parent products (variations never appear in lists), walking a pre-sorted index.
     *
     * @param orderby {@code id}, {@code date}, {@code modified}, {@code title} or {@code slug}
     */
    WooSlice<WooProduct> listParents(Predicate<WooProduct> filter, String orderby, boolean ascending, int offset,
                                  int limit) {
        Iterator<WooProduct> source = switch (orderby) {
            case "id", "include" -> (ascending ? parents.values() : parents.descendingMap().values()).iterator();
            case "date" -> lookup(ascending ? byCreated : byCreated.descendingSet());
            case "modified" -> lookup(ascending ? byModified : byModified.descendingSet());
            default -> {
                Comparator<WooProduct> cmp = "slug".equals(orderby)
                        ? Comparator.comparing((WooProduct p) -> p.slug)
                        : Comparator.comparing((WooProduct p) -> p.name.toLowerCase(Locale.ROOT));
                cmp = cmp.thenComparingLong(p -> p.id);
                List<WooProduct> sorted = new ArrayList<>(parents.values());
                sorted.sort(ascending ? cmp : cmp.reversed());
                yield sorted.iterator();
            }
        };
        return WooSlice.of(source, filter, offset, limit);
    }

    /** The parents in {@code index} order, lazily, skipping entries removed since the index was read. */
    private Iterator<WooProduct> lookup(NavigableSet<DateKey> index) {
        return index.stream().map(key -> parents.get(key.id())).filter(Objects::nonNull).iterator();
    }

    // ---------------------------------------------------------------- writes

    /** Adds a new product or variation (id 0 gets the next id) and fires {@code created}. */
    WooProduct insert(WooProduct draft) {
        writeLock.lock();
        try {
            WooProduct p = draft.copy();
            if (p.id == 0) {
                p.id = nextPostId();
            } else if (get(p.id).isPresent()) {
                throw new WooError(400, "woocommerce_rest_product_exists", "Cannot create existing product.");
            } else {
                reservePostIds(p.id);
            }
            if (p.isVariation() && !parents.containsKey(p.parentId)) {
                throw new WooError(404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
            }
            checkSku(p, -1);
            Instant now = now();
            p.created = p.created == null ? now : p.created;
            p.modified = p.modified == null ? p.created : p.modified;
            p.slug = uniqueSlug(p.slug.isEmpty() ? WooJson.slugify(p.name) : p.slug, p.id);
            p.normaliseStock();
            put(null, p);
            if (p.isVariation()) {
                touchParent(p.parentId, now);
            }
            events.productChanged("created", p);
            return p;
        } finally {
            writeLock.unlock();
        }
    }

    /** Changes a product or variation as a merchant or the API would and fires {@code updated}. */
    WooProduct update(long id, Consumer<WooProduct> change) {
        return change(id, change, true);
    }

    /**
     * Changes a product or variation behind WooCommerce's back, as a direct database edit does: neither
     * its own nor its parent's {@code date_modified} moves, and nothing fires.
     */
    WooProduct editDirectly(long id, Consumer<WooProduct> change) {
        return change(id, change, false);
    }

    private WooProduct change(long id, Consumer<WooProduct> change, boolean saved) {
        writeLock.lock();
        try {
            WooProduct old = get(id).orElseThrow(() -> WooError.invalidProductId(404));
            WooProduct p = old.copy();
            change.accept(p);
            p.id = old.id;
            p.parentId = old.parentId;
            p.type = old.isVariation() ? "variation" : p.type;
            checkSku(p, id);
            if (!p.slug.equals(old.slug)) {
                p.slug = uniqueSlug(p.slug.isEmpty() ? WooJson.slugify(p.name) : p.slug, p.id);
            }
            p.normaliseStock();
            if (!saved) {
                p.modified = old.modified;
                put(old, p);
                return p;
            }
            Instant now = now();
            p.modified = now;
            put(old, p);
            if (p.isVariation()) {
                touchParent(p.parentId, now);
            }
            events.productChanged("updated", p);
            return p;
        } finally {
            writeLock.unlock();
        }
    }

    /** Moves a product to the trash (fires {@code deleted}); 410 when it is already there. */
    WooProduct trash(long id) {
        writeLock.lock();
        try {
            WooProduct old = get(id).orElseThrow(() -> WooError.invalidProductId(404));
            if ("trash".equals(old.status)) {
                throw new WooError(410, "woocommerce_rest_already_trashed", "The product has already been deleted.");
            }
            WooProduct p = old.copy();
            p.status = "trash";
            p.modified = now();
            put(old, p);
            events.productChanged("deleted", p);
            return p;
        } finally {
            writeLock.unlock();
        }
    }

    /** Takes a product out of the trash, back to {@code publish} (fires {@code restored}). */
    WooProduct untrash(long id) {
        writeLock.lock();
        try {
            WooProduct old = get(id).orElseThrow(() -> WooError.invalidProductId(404));
            WooProduct p = old.copy();
            p.status = "publish";
            p.modified = now();
            put(old, p);
            events.productChanged("restored", p);
            return p;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Deletes permanently, as {@code force=true} does: a variable product takes its variations along.
     * Fires nothing, as WooCommerce fires no webhook for permanent deletes.
     */
    WooProduct deletePermanently(long id) {
        writeLock.lock();
        try {
            WooProduct old = get(id).orElseThrow(() -> WooError.invalidProductId(404));
            if (!old.isVariation()) {
                for (WooProduct v : variationsOf(id)) {
                    remove(v);
                }
                childrenOf.remove(id);
            }
            remove(old);
            if (old.isVariation()) {
                touchParent(old.parentId, now());
            }
            return old;
        } finally {
            writeLock.unlock();
        }
    }

    private void remove(WooProduct p) {
        if (p.isVariation()) {
            variations.remove(p.id);
            ConcurrentSkipListSet<Long> siblings = childrenOf.get(p.parentId);
            if (siblings != null) {
                siblings.remove(p.id);
            }
        } else {
            parents.remove(p.id);
            byCreated.remove(new DateKey(p.createdAt(), p.id));
            byModified.remove(new DateKey(p.modifiedAt(), p.id));
        }
        if (!p.sku.isEmpty()) {
            skuIndex.remove(p.sku.toLowerCase(Locale.ROOT), p.id);
        }
        slugIndex.remove(p.slug, p.id);
    }

    private void put(@Nullable WooProduct old, WooProduct p) {
        if (old != null) {
            if (!old.sku.isEmpty()) {
                skuIndex.remove(old.sku.toLowerCase(Locale.ROOT), old.id);
            }
            slugIndex.remove(old.slug, old.id);
            if (!old.isVariation()) {
                byModified.remove(new DateKey(old.modifiedAt(), old.id));
                byCreated.remove(new DateKey(old.createdAt(), old.id));
            }
        }
        if (!p.sku.isEmpty()) {
            skuIndex.put(p.sku.toLowerCase(Locale.ROOT), p.id);
        }
        slugIndex.put(p.slug, p.id);
        if (p.isVariation()) {
            variations.put(p.id, p);
            childrenOf.computeIfAbsent(p.parentId, k -> new ConcurrentSkipListSet<>()).add(p.id);
        } else {
            // index first, then publish: a concurrent lister may briefly miss it but never sees a stale row
            byCreated.add(new DateKey(p.createdAt(), p.id));
            byModified.add(new DateKey(p.modifiedAt(), p.id));
            parents.put(p.id, p);
        }
    }

    /** WooCommerce bumps a variable product's date_modified when one of its variations is saved. */
    private void touchParent(long parentId, Instant now) {
        WooProduct old = parents.get(parentId);
        if (old == null || !now.isAfter(old.modifiedAt())) {
            return;
        }
        WooProduct p = old.copy();
        p.modified = now;
        put(old, p);
    }

    private void checkSku(WooProduct p, long selfId) {
        if (p.sku.isEmpty()) {
            return;
        }
        // MySQL's default collation makes WooCommerce's SKU uniqueness check case-insensitive
        Long holder = skuIndex.get(p.sku.toLowerCase(Locale.ROOT));
        if (holder != null && holder != selfId && holder != p.id) {
            throw new WooError(400, "product_invalid_sku", "Invalid or duplicated SKU.",
                    Map.of("resource_id", holder, "unique_sku", uniqueSku(p.sku)));
        }
    }

    private String uniqueSku(String sku) {
        for (int i = 1; ; i++) {
            String candidate = sku + "-" + i;
            if (!skuIndex.containsKey(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }

    private String uniqueSlug(String base, long id) {
        String slug = base.isEmpty() ? Long.toString(id) : base;
        for (int i = 2; ; i++) {
            Long holder = slugIndex.get(slug);
            if (holder == null || holder == id) {
                return slug;
            }
            slug = base + "-" + i;
        }
    }
}
