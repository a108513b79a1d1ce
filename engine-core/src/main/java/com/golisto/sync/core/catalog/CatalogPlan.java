package com.golisto.sync.core.catalog;

import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What to do with one page of products: the result of {@link CatalogPlanner#plan}. Immutable.
 *
 * @param upserts products to create or replace on the marketplace
 * @param stockOnly products whose only change is stock, for the inventory path
 * @param deletes ids of listed products that are no longer offered (draft, archived, gone)
 * @param unchanged ids of products the marketplace already holds as they are, or that are neither
 *     offered nor listed
 * @param reasons why a product is not listable (no price, draft, trashed, removed in shop…), by id, for the
 *     deletes and the unchanged ones that are skipped; the ledger records them
 * @param labels the SKU and title of the products the plan saw, by id (none for a product the shop no longer
 *     has); the ledger records them so a product can be found by SKU or title
 */
public record CatalogPlan(List<Upsert> upserts, List<StockOnly> stockOnly, List<String> deletes, List<String> unchanged,
        Map<String, String> reasons, Map<String, Label> labels) {

    public CatalogPlan {
        upserts = List.copyOf(upserts);
        stockOnly = List.copyOf(stockOnly);
        deletes = List.copyOf(deletes);
        unchanged = List.copyOf(unchanged);
        reasons = Map.copyOf(reasons);
        labels = Map.copyOf(labels);
    }

    /** A plan of products it has no labels for. */
    public CatalogPlan(List<Upsert> upserts, List<StockOnly> stockOnly, List<String> deletes, List<String> unchanged,
            Map<String, String> reasons) {
        this(upserts, stockOnly, deletes, unchanged, reasons, Map.of());
    }

    /** A plan without reasons. */
    public CatalogPlan(List<Upsert> upserts, List<StockOnly> stockOnly, List<String> deletes, List<String> unchanged) {
        this(upserts, stockOnly, deletes, unchanged, Map.of());
    }

    /** How many of the unchanged products are skipped (not listable), by reason. */
    public Map<String, Long> skippedByReason() {
        Map<String, Long> counts = new TreeMap<>();
        for (String id : unchanged) {
            String reason = reasons.get(id);
            if (reason != null) {
                counts.merge(reason, 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * What identifies a product to a person.
     *
     * @param sku its SKU, null when it has none
     * @param title its title
     */
    public record Label(@Nullable String sku, String title) {
        public Label {
            Objects.requireNonNull(title, "title");
        }

        static Label of(Product product) {
            return new Label(product.sku(), product.title());
        }
    }

    /** Every product id the plan is about. */
    public List<String> productIds() {
        List<String> ids = new ArrayList<>(upserts.size() + stockOnly.size() + deletes.size() + unchanged.size());
        upserts.forEach(u -> ids.add(u.product().id()));
        stockOnly.forEach(s -> ids.add(s.product().id()));
        ids.addAll(deletes);
        ids.addAll(unchanged);
        return ids;
    }

    /** True when nothing is to be written. */
    public boolean writesNothing() {
        return upserts.isEmpty() && stockOnly.isEmpty() && deletes.isEmpty();
    }

    /**
     * A product to create (no listing known) or replace (content changed).
     *
     * @param product the product as the shop has it now
     * @param fingerprints its fingerprints, stored once the write succeeded
     * @param create true when no listing is known for it
     */
    public record Upsert(Product product, ProductFingerprints fingerprints, boolean create) {
        public Upsert {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(fingerprints, "fingerprints");
        }

        /** The listing to send. */
        public Listing listing() {
            return new Listing(product, fingerprints.listing());
        }
    }

    /**
     * A product whose content is unchanged but whose stock changed.
     *
     * @param product the product as the shop has it now
     * @param fingerprints its fingerprints, stored once the write succeeded
     * @param sentStock the stock last sent for it per item ({@link StockLevels}), null when none was kept
     */
    public record StockOnly(Product product, ProductFingerprints fingerprints, @Nullable String sentStock) {
        public StockOnly {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(fingerprints, "fingerprints");
        }

        /** A stock-only change with nothing known of what was last sent per item: every item is sent. */
        public StockOnly(Product product, ProductFingerprints fingerprints) {
            this(product, fingerprints, null);
        }

        /**
         * The stock updates that make the listing equal the product: those of the items (the product's own, each
         * variant's) whose stock differs from what was last sent, or every item when that is not known.
         */
        public List<InventoryUpdate> inventoryUpdates() {
            return StockLevels.updates(sentStock, product);
        }
    }
}
