package com.golisto.sync.app.demo;

/**
 * What the demo achieved, checked against the emulators' own state.
 *
 * @param products products in the WooCommerce store
 * @param variations variations in the WooCommerce store
 * @param listings listings Golisto holds for the store
 * @param fullSyncCreated listings the first full sync created
 * @param priceOnGolisto the changed price as Golisto shows it
 * @param wooOrderId the WooCommerce order the Golisto sale became
 * @param wooOrderStatus that order's final status
 * @param orderNotes notes on that order
 * @param shopRequests requests the runner made to WooCommerce
 * @param golistoRequests requests the runner made to Golisto
 * @param seconds how long the story took
 */
public record DemoSummary(int products, int variations, int listings, long fullSyncCreated, String priceOnGolisto,
                          long wooOrderId, String wooOrderStatus, int orderNotes, long shopRequests,
                          long golistoRequests, double seconds) {
}
