package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The per-product ledger: why each shop product is (not) on the marketplace. Obtained from
 * {@link StateStore#ledger()}. Thread-safe; each method is one transaction.
 */
public final class LedgerStore {

    private final Database db;

    LedgerStore(Database db) {
        this.db = db;
    }

    /**
     * Writes entries (upserts, the later of two for one product winning) in two JDBC batches, whatever their
     * number: never a round trip per product.
     */
    public void record(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, LedgerEntry> unique = new LinkedHashMap<>();
        for (LedgerEntry entry : entries) {
            unique.put(entry.storeId() + '\u0000' + entry.productId(), entry);
        }
        List<LedgerEntry> rows = List.copyOf(unique.values());
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            LedgerDao dao = h.attach(LedgerDao.class);
            int[] updated = dao.update(rows, now);
            List<LedgerEntry> missing = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (updated[i] == 0) {
                    missing.add(rows.get(i));
                }
            }
            if (!missing.isEmpty()) {
                dao.insert(missing, now);
            }
        });
    }

    /** How many of the store's products have each last outcome ({@code listed}, {@code skipped}, ...); one query. */
    public Map<String, Long> countByOutcome(String storeId) {
        Map<String, Long> counts = new TreeMap<>();
        db.jdbi().useHandle(h -> h.createQuery(
                        "SELECT outcome, COUNT(*) AS n FROM product_ledger WHERE store_id = :storeId GROUP BY outcome")
                .bind("storeId", storeId)
                .map((rs, ctx) -> Map.entry(rs.getString("outcome"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** The entries of the store's products with this SKU (exact), by product id; at most 20. */
    public List<LedgerEntry> findBySku(String storeId, String sku) {
        return db.jdbi().withExtension(LedgerDao.class, dao -> dao.bySku(storeId, sku));
    }

    /**
     * The entries of the store's products whose id or SKU equals the text or whose title contains it (case
     * insensitive), by product id.
     *
     * @param afterProductId only products after this id (the last of the previous page); null for the first
     * @param limit at most this many
     */
    public List<LedgerEntry> search(String storeId, String text, @Nullable String afterProductId, int limit) {
        Database.requirePositive(limit);
        String needle = text.strip();
        if (needle.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + needle.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                + "%";
        return db.jdbi().withExtension(LedgerDao.class, dao -> dao.search(storeId, needle, pattern,
                afterProductId == null ? "" : afterProductId, limit));
    }

    /** A product's entry, if the engine ever decided on it. */
    public Optional<LedgerEntry> find(String storeId, String productId) {
        return db.jdbi().withExtension(LedgerDao.class, dao -> dao.find(storeId, productId));
    }
}
