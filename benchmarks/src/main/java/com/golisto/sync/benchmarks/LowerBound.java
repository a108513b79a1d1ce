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

    /**
     * A day of the default schedule's guarantees, at the fewest requests: {@code polls} incremental polls
     * (one {@code modified_after} listing with status any, one with status trash; a change without a
     * webhook must show within one interval); one listing of every product page (only a complete listing
     * shows a permanent delete, which must leave Golisto within 24 hours; its pages also re-read every
     * parent, so the weekly deep check adds only its seventh of the variations, in bulk by SKU); per webhook
     * burst (webhooks inside the batch window of the burst's first) one read by SKU of the product and its variations
     * and one marketplace batch; the variations of the changes without a webhook in bulk, and their writes
     * in full batches; the deletions in catalog batches.
     *
     * @param polls incremental polls in the day (its intervals but the one the daily listing covers)
     * @param webhookBursts groups of webhook-announced changes the engine must sync separately
     * @param changes the day's changes
     */
    static LowerBound day(CatalogShape shape, int polls, int webhookBursts, java.util.List<DayChange> changes) {
        long listing = Math.max(1, pages(shape.products(), SHOP_PAGE));
        long deepCheck = pages(pages(shape.variations(), 7), SHOP_PAGE);
        long lostVariations = 0;
        long lostContent = 0;
        long lostStock = 0;
        long deletions = 0;
        for (DayChange change : changes) {
            switch (change.kind()) {
                case LOST -> {
                    lostVariations += change.variations();
                    lostContent += change.content() ? 1 : 0;
                    lostStock += change.content() ? 0 : 1;
                }
                case DELETE -> deletions++;
                default -> { }
            }
        }
        long lostReads = pages(lostVariations, SHOP_PAGE);
        long lostWrites = pages(lostContent, CATALOG_BATCH) + pages(lostStock, INVENTORY_BATCH);
        long deletes = pages(deletions, CATALOG_BATCH);
        return new LowerBound(2L * polls + listing + deepCheck + webhookBursts + lostReads,
                webhookBursts + lostWrites + deletes,
                "shop: " + polls + " polls x 2 (any + trash) + " + listing + " product pages (deletions within 24 h) + ceil("
                        + shape.variations() + "/7/100)=" + deepCheck + " deep-check variation reads by SKU + "
                        + webhookBursts + " webhook bursts x 1 read by SKU + ceil(" + lostVariations + "/100)=" + lostReads
                        + " variation reads for changes without webhook; marketplace: " + webhookBursts
                        + " webhook batches + " + lostWrites + " batches for changes without webhook + ceil(" + deletions
                        + "/100)=" + deletes + " delete batches");
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
