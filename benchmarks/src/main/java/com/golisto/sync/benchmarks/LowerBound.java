package com.golisto.sync.benchmarks;

/**
 * The fewest requests the two APIs allow for one piece of work, and how that number was reached.
 * WooCommerce lists at most 100 products or variations per page (and a variable product's variations
 * need their own page request); Golisto takes at most 100 listings per catalog batch and 500 items per
 * inventory batch.
 *
 * @param shopReads the fewest shop requests
 * @param marketplaceWrites the fewest marketplace requests
 * @param how the arithmetic, for the JSON line
 */
record LowerBound(long shopReads, long marketplaceWrites, String how) {

    static final int SHOP_PAGE = 100;
    static final int CATALOG_BATCH = 100;
    static final int INVENTORY_BATCH = 500;

    /** A complete read of the catalog, then writing {@code upserts} listings. */
    static LowerBound fullSync(CatalogShape shape, long upserts) {
        long pages = pages(shape.products(), SHOP_PAGE);
        long writes = pages(upserts, CATALOG_BATCH);
        return new LowerBound(pages + shape.variationPages(), writes,
                "shop: ceil(" + shape.products() + "/100)=" + pages + " product pages + " + shape.variationPages()
                        + " variation pages; marketplace: ceil(" + upserts + "/100)=" + writes + " catalog batches");
    }

    /**
     * Reading the changed products (by a modified-after list when {@code listed}, one page for up to 100
     * known ids with {@code include=} otherwise) and writing their changes.
     */
    static LowerBound changes(ChangeSet changes) {
        long pages = Math.max(1, pages(changes.productIds().size(), SHOP_PAGE));
        long catalog = pages(changes.contentChanges(), CATALOG_BATCH);
        long inventory = pages(changes.stockChanges(), INVENTORY_BATCH);
        return new LowerBound(pages + changes.variationPages(), catalog + inventory,
                "shop: " + pages + " product page(s) for " + changes.productIds().size() + " changed products + "
                        + changes.variationPages() + " variation pages; marketplace: ceil("
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
