package com.golisto.sync.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's end condition over sample observations: each breach is named, and a clean state passes. */
class InvariantsTest {
    private static final Map<String, String> SHOP = Map.of("11", "Cap | active | 9.5/- | 3 in_stock | []",
            "12", "Mug | active | 4/- | - in_stock | []");
    private static final List<Observation.Listing> LISTED = List.of(
            new Observation.Listing("11", "Cap | active | 9.5/- | 3 in_stock | []"),
            new Observation.Listing("12", "Mug | active | 4/- | - in_stock | []"));

    private static Observation.ShopOrder order(String id, String sale) {
        return new Observation.ShopOrder(id, sale);
    }

    @Test
    void check_everySaleOneAcknowledgedOrderAndListingsEqualTheShop_holds() {
        Verdict verdict = Invariants.check(new Observation(List.of("g1", "g2"),
                List.of(order("101", "g1"), order("102", "g2")), Map.of("g1", "101", "g2", "102"), SHOP, LISTED));

        assertThat(verdict.holds()).as(verdict.summary()).isTrue();
        assertThat(verdict.summary()).isEqualTo("all invariants hold");
    }

    @Test
    void check_aSaleWithTwoShopOrders_countsOneDuplicate() {
        Verdict verdict = Invariants.check(new Observation(List.of("g1"),
                List.of(order("101", "g1"), order("102", "g1")), Map.of("g1", "101"), SHOP, LISTED));

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.duplicateOrders()).isEqualTo(1);
        assertThat(verdict.duplicatedSales()).containsExactly("g1 -> shop orders [101, 102]");
        assertThat(verdict.lostSales()).isEmpty();
    }

    @Test
    void check_aSaleWithoutShopOrder_isLostAndUnacknowledgedIsNotCountedTwice() {
        Verdict verdict = Invariants.check(new Observation(List.of("g1", "g2"), List.of(order("101", "g1")),
                Map.of("g1", "101"), SHOP, LISTED));

        assertThat(verdict.lostSales()).containsExactly("g2");
        assertThat(verdict.unacknowledged()).isEmpty();
        assertThat(verdict.holds()).isFalse();
    }

    @Test
    void check_anOrderOfNoKnownSale_isStray() {
        Verdict verdict = Invariants.check(new Observation(List.of(), List.of(order("101", "g9"),
                new Observation.ShopOrder("102", null)), Map.of(), SHOP, LISTED));

        assertThat(verdict.strayOrders()).containsExactly("shop order 101 carries unknown Golisto order g9",
                "shop order 102 carries no Golisto order id");
        assertThat(verdict.holds()).isFalse();
    }

    @Test
    void check_anAcknowledgementMissingOrNamingAnotherOrder_isUnacknowledged() {
        Verdict verdict = Invariants.check(new Observation(List.of("g1", "g2"),
                List.of(order("101", "g1"), order("102", "g2")), Map.of("g2", "999"), SHOP, LISTED));

        assertThat(verdict.unacknowledged()).containsExactly("g1 not acknowledged",
                "g2 acknowledged with unknown order 999");
    }

    @Test
    void check_listingsDifferingMissingExtraOrTwice_areDrift() {
        Verdict verdict = Invariants.check(new Observation(List.of(), List.of(), Map.of(), SHOP, List.of(
                new Observation.Listing("11", "Cap | active | 8/- | 3 in_stock | []"),
                new Observation.Listing("11", "Cap | active | 9.5/- | 3 in_stock | []"),
                new Observation.Listing("13", "Gone | active | 1/- | - in_stock | []"))));

        assertThat(verdict.drift()).containsExactly(
                "11: shop Cap | active | 9.5/- | 3 in_stock | [] | listed Cap | active | 8/- | 3 in_stock | []",
                "12: not listed; shop Mug | active | 4/- | - in_stock | []",
                "13: listed, not published in the shop");
        assertThat(verdict.duplicateListings()).isEqualTo(1);
        assertThat(verdict.holds()).isFalse();
    }
}
