package com.golisto.sync.benchmarks;

/**
 * The fewest requests the two APIs allow for one piece of work, and how that number was reached.
 * WooCommerce lists at most 100 products, variations or categories per page; variations can be read in
 * bulk by SKU ({@code GET /products?sku=a,b,...}, up to 100 results a request, variations of any parents
 * together; reference §3 and §10), so reading {@code n} variations takes {@code ceil(n/100)} requests, not
 * one per variable product; and a listing of {@code status=any} leaves trashed products out
 * (finding those takes a second listing with {@code status=trash}). Golisto takes at most 100 listings per
 * catalog batch and 500 items per inventory batch.
 *
 * @param shopReads the fewest shop requests
 * @param marketplaceWrites the fewest marketplace requests
 * @param how the arithmetic, for the JSON line
 */
record LowerBound(long shopReads, long marketplaceWrites, String how) {

    LowerBound {
        if (shopReads < 0 || marketplaceWrites < 0) {
            throw new IllegalArgumentException("a request count cannot be negative");
        }
        java.util.Objects.requireNonNull(how, "how");
    }

    static final int SHOP_PAGE = 100;
    static final int CATALOG_BATCH = 100;
    static final int INVENTORY_BATCH = 500;

    /**
     * A complete read of the catalog (products, their variations in bulk by SKU, and the categories, whose
     * full paths the product pages do not carry), then writing {@code upserts} listings.
     */
    static LowerBound fullSync(CatalogShape shape, long upserts) {
        long pages = Math.max(1, pages(shape.products(), SHOP_PAGE));
        long categoryPages = Math.max(1, pages(shape.categories(), SHOP_PAGE));
        long writes = pages(upserts, CATALOG_BATCH);
        long variationReads = pages(shape.variations(), SHOP_PAGE);
        return new LowerBound(pages + variationReads + categoryPages, writes,
                "shop: ceil(" + shape.products() + "/100)=" + pages + " product pages + ceil(" + shape.variations()
                        + "/100)=" + variationReads + " bulk variation reads by SKU + " + categoryPages
                        + " category page(s); marketplace: ceil(" + upserts + "/100)=" + writes + " catalog batches");
    }

    /**
     * An incremental pass after {@code changes}: the changed products listed by {@code modified_after}
     * (status any, then status trash), their variations, and their writes.
     */
    static LowerBound incremental(ChangeSet changes) {
        long pages = Math.max(1, pages(changes.productIds().size(), SHOP_PAGE));
        return changes(changes, pages + 1, pages + " product page(s) + 1 trash page");
    }

    /**
     * Re-reading products that webhooks named: up to 100 known ids fit one list request
     * ({@code include=}), plus their variations and their writes.
     */
    static LowerBound webhooks(ChangeSet changes) {
        long pages = Math.max(1, pages(changes.productIds().size(), SHOP_PAGE));
        return changes(changes, pages, pages + " product page(s) by include=");
    }

    private static LowerBound changes(ChangeSet changes, long listRequests, String listHow) {
        long catalog = pages(changes.contentChanges(), CATALOG_BATCH);
        long inventory = pages(changes.stockChanges(), INVENTORY_BATCH);
        long variationReads = pages(changes.variations(), SHOP_PAGE);
        return new LowerBound(listRequests + variationReads, catalog + inventory,
                "shop: " + listHow + " for " + changes.productIds().size() + " changed products + ceil("
                        + changes.variations() + "/100)=" + variationReads
                        + " bulk variation reads by SKU; marketplace: ceil("
                        + changes.contentChanges() + "/100)=" + catalog + " catalog + ceil(" + changes.stockChanges()
                        + "/500)=" + inventory + " inventory batches");
    }

    /** The total. */
    long total() {
        return shopReads + marketplaceWrites;
    }

    /** {@code ceil(items / size)}. */
    static long pages(long items, int size) {
        return (items + size - 1) / size;
    }
}
