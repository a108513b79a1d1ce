package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.InventoryUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes a {@link CatalogWriter} holds until a marketplace batch is full, across source pages, each tagged
 * with the number of the page it was planned from; at most one write per product (a later read of the product
 * supersedes a write still held). From the tags it knows through which page every write was sent and its
 * result recorded ({@link #doneThrough()}), which is how far a pass may move its checkpoint or cursor. Not
 * thread-safe.
 */
final class PendingWrites {

    /**
     * A stock-only change with the inventory updates it sends.
     *
     * @param item the change
     * @param updates its updates (the items whose stock changed)
     */
    record Stock(CatalogPlan.StockOnly item, List<InventoryUpdate> updates) {
        Stock {
            updates = List.copyOf(updates);
        }
    }

    final List<CatalogPlan.Upsert> upserts = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final List<Stock> stock = new ArrayList<>();
    private final Map<String, Integer> pageOf = new HashMap<>();
    private int stockItems;
    private int page;

    /** Tags the writes added from now on with this source page (pages count up from 1 within a pass). */
    void page(int number) {
        page = Math.max(page, number);
    }

    /**
     * Drops the write held for this product, if any, because the product was read again: its newer plan
     * replaces it (a product shifted to a later page of a catalog changing underneath is read twice).
     *
     * @return whether a write was dropped
     */
    boolean drop(String id) {
        if (pageOf.remove(id) == null) {
            return false;
        }
        upserts.removeIf(u -> u.product().id().equals(id));
        deletes.remove(id);
        for (int i = stock.size() - 1; i >= 0; i--) {
            if (stock.get(i).item().product().id().equals(id)) {
                stockItems -= stock.remove(i).updates().size();
            }
        }
        return true;
    }

    void upsert(CatalogPlan.Upsert upsert) {
        upserts.add(upsert);
        pageOf.put(upsert.product().id(), page);
    }

    /** A stock update the marketplace could not apply becomes a full upsert; it keeps its page. */
    void upsertInstead(CatalogPlan.Upsert upsert) {
        upserts.add(upsert);
        pageOf.putIfAbsent(upsert.product().id(), page);
    }

    void delete(String id) {
        deletes.add(id);
        pageOf.put(id, page);
    }

    void stock(Stock item) {
        stock.add(item);
        stockItems += item.updates().size();
        pageOf.put(item.item().product().id(), page);
    }

    /** Takes every held stock change, to send. */
    List<Stock> takeStock() {
        List<Stock> taken = new ArrayList<>(stock);
        stock.clear();
        stockItems = 0;
        return taken;
    }

    /** The product's write was sent and its result recorded (or given up). */
    void done(String id) {
        pageOf.remove(id);
    }

    int catalogSize() {
        return upserts.size() + deletes.size();
    }

    int stockItems() {
        return stockItems;
    }

    /**
     * The last page through which every write is sent and recorded: the page before the oldest held write, or the
     * latest page when nothing is held. Pages up to it need not be read again after a crash.
     */
    int doneThrough() {
        int oldest = Integer.MAX_VALUE;
        for (int p : pageOf.values()) {
            oldest = Math.min(oldest, p);
        }
        return oldest == Integer.MAX_VALUE ? page : oldest - 1;
    }
}
