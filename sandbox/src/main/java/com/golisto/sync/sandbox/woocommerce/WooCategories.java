package com.golisto.sync.sandbox.woocommerce;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The emulator's product categories (WordPress terms of taxonomy {@code product_cat}): unique names per
 * parent, unique slugs, paths such as {@code "Clothing > Hoodies"}. Reads are lock-free; writes take one lock,
 * independent of the product lock since no write touches both.
 */
final class WooCategories {

    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong termIds = new AtomicLong(14);
    private final ConcurrentSkipListMap<Long, WooCategory> categories = new ConcurrentSkipListMap<>();

    Optional<WooCategory> get(long id) {
        return Optional.ofNullable(categories.get(id));
    }

    /** Every category in id order. */
    Collection<WooCategory> all() {
        return categories.values();
    }

    int size() {
        return categories.size();
    }

    WooCategory create(String name, long parent) {
        writeLock.lock();
        try {
            for (WooCategory c : categories.values()) {
                if (c.parent() == parent && c.name().equals(name)) {
                    throw new WooError(400, "term_exists", "A term with the name provided already exists with this parent.",
                            Map.of("resource_id", c.id()));
                }
            }
            if (parent != 0 && !categories.containsKey(parent)) {
                throw new WooError(400, "woocommerce_rest_term_invalid", "Parent resource does not exist.");
            }
            String base = WooJson.slugify(name);
            String slug = base;
            for (int i = 2; slugTaken(slug); i++) {
                slug = base + "-" + i;
            }
            WooCategory c = new WooCategory(termIds.incrementAndGet(), name, slug, parent, "");
            categories.put(c.id(), c);
            return c;
        } finally {
            writeLock.unlock();
        }
    }

    private boolean slugTaken(String slug) {
        return categories.values().stream().anyMatch(c -> c.slug().equals(slug));
    }

    /** Finds or creates every level of a path such as {@code "Clothing > Hoodies"}; returns the leaf. */
    WooCategory ensurePath(String path) {
        writeLock.lock();
        try {
            long parent = 0;
            WooCategory leaf = null;
            for (String raw : path.split(">")) {
                String name = raw.trim();
                if (name.isEmpty()) {
                    continue;
                }
                final long p = parent;
                leaf = categories.values().stream().filter(c -> c.parent() == p && c.name().equals(name))
                        .findFirst().orElseGet(() -> create(name, p));
                parent = leaf.id();
            }
            if (leaf == null) {
                throw new IllegalArgumentException("empty category path");
            }
            return leaf;
        } finally {
            writeLock.unlock();
        }
    }
}
