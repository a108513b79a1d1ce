package com.golisto.sync.benchmarks.soak;

import java.util.List;

/**
 * The invariants checked over one {@link Observation}; each list names what breaks an invariant.
 *
 * @param sales how many Golisto sales there were
 * @param shopOrders how many WooCommerce orders there are
 * @param duplicateOrders shop orders beyond the first for one sale (0 when the exactly-once holds)
 * @param duplicatedSales the sales with more than one shop order
 * @param lostSales the sales with no shop order
 * @param strayOrders shop orders that carry no Golisto order id or one no buyer created
 * @param unacknowledged sales not acknowledged to Golisto with their one shop order
 * @param duplicateListings listings beyond the first for one shop product
 * @param drift one line per product whose listing differs from the shop (missing, extra or different)
 */
record Verdict(int sales, int shopOrders, int duplicateOrders, List<String> duplicatedSales, List<String> lostSales,
               List<String> strayOrders, List<String> unacknowledged, int duplicateListings, List<String> drift) {

    Verdict {
        duplicatedSales = List.copyOf(duplicatedSales);
        lostSales = List.copyOf(lostSales);
        strayOrders = List.copyOf(strayOrders);
        unacknowledged = List.copyOf(unacknowledged);
        drift = List.copyOf(drift);
    }

    /** Whether every invariant holds. */
    boolean holds() {
        return duplicateOrders == 0 && lostSales.isEmpty() && strayOrders.isEmpty() && unacknowledged.isEmpty()
                && duplicateListings == 0 && drift.isEmpty();
    }

    /** One line saying what fails, for progress output; "all invariants hold" when none does. */
    String summary() {
        if (holds()) {
            return "all invariants hold";
        }
        return duplicateOrders + " duplicate orders, " + lostSales.size() + " lost, " + strayOrders.size() + " stray, "
                + unacknowledged.size() + " unacknowledged, " + duplicateListings + " duplicate listings, "
                + drift.size() + " drifting products" + (drift.isEmpty() ? "" : " (first: " + drift.get(0) + ")");
    }
}
