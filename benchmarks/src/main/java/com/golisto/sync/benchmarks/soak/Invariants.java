package com.golisto.sync.benchmarks.soak;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The soak's end condition over an {@link Observation}: every Golisto sale is exactly one WooCommerce order,
 * acknowledged to Golisto with that order; no other order exists; and the marketplace lists exactly the shop's
 * published products, each once, with the shop's fields. Pure: no I/O.
 */
final class Invariants {

    private Invariants() {
    }

    /** Checks every invariant; the verdict names each breach. */
    static Verdict check(Observation seen) {
        Set<String> sold = new HashSet<>(seen.sales());
        Map<String, List<String>> ordersBySale = new TreeMap<>();
        List<String> strays = new ArrayList<>();
        for (Observation.ShopOrder order : seen.shopOrders()) {
            String sale = order.golistoOrderId();
            if (sale == null || !sold.contains(sale)) {
                strays.add("shop order " + order.id() + (sale == null ? " carries no Golisto order id"
                        : " carries unknown Golisto order " + sale));
            } else {
                ordersBySale.computeIfAbsent(sale, k -> new ArrayList<>()).add(order.id());
            }
        }
        int duplicates = 0;
        List<String> duplicated = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> unacknowledged = new ArrayList<>();
        for (String sale : seen.sales().stream().distinct().sorted().toList()) {
            List<String> orders = ordersBySale.getOrDefault(sale, List.of());
            if (orders.isEmpty()) {
                lost.add(sale);
                continue;
            }
            if (orders.size() > 1) {
                duplicates += orders.size() - 1;
                duplicated.add(sale + " -> shop orders " + orders);
            }
            String acked = seen.acknowledgements().get(sale);
            if (acked == null || !orders.contains(acked)) {
                unacknowledged.add(sale + (acked == null ? " not acknowledged" : " acknowledged with unknown order "
                        + acked));
            }
        }
        Map<String, String> listed = new TreeMap<>();
        int duplicateListings = 0;
        for (Observation.Listing listing : seen.listings()) {
            if (listed.putIfAbsent(listing.externalId(), listing.description()) != null) {
                duplicateListings++;
            }
        }
        List<String> drift = new ArrayList<>();
        new TreeMap<>(seen.shop()).forEach((id, expected) -> {
            String actual = listed.get(id);
            if (actual == null) {
                drift.add(id + ": not listed; shop " + expected);
            } else if (!expected.equals(actual)) {
                drift.add(id + ": shop " + expected + " | listed " + actual);
            }
        });
        listed.keySet().stream().filter(id -> !seen.shop().containsKey(id))
                .forEach(id -> drift.add(id + ": listed, not published in the shop"));
        return new Verdict(seen.sales().size(), seen.shopOrders().size(), duplicates, duplicated, lost, strays,
                unacknowledged, duplicateListings, drift);
    }
}
