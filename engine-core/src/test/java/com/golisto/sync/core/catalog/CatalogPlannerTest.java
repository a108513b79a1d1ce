package com.golisto.sync.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogPlannerTest {

    private final Map<String, ProductFingerprints> known = new HashMap<>();

    @Test
    void plan_unknownActiveProduct_isCreated() {
        CatalogPlan plan = CatalogPlanner.plan(List.of(TestProducts.simple("1", "5", 2)), known::get);

        assertThat(plan.upserts()).singleElement().satisfies(u -> {
            assertThat(u.create()).isTrue();
            assertThat(u.listing().fingerprint()).isEqualTo(u.fingerprints().listing());
        });
        assertThat(plan.stockOnly()).isEmpty();
        assertThat(plan.deletes()).isEmpty();
    }

    @Test
    void plan_knownProductWithOtherContent_isUpdated() {
        Product before = TestProducts.simple("1", "5", 2);
        known.put("1", ProductFingerprints.of(before));

        CatalogPlan plan = CatalogPlanner.plan(List.of(TestProducts.withTitle(before, "New title")), known::get);

        assertThat(plan.upserts()).singleElement().satisfies(u -> assertThat(u.create()).isFalse());
    }

    @Test
    void plan_knownProductWithOnlyOtherStock_goesToInventoryPathWithVariants() {
        Product before = TestProducts.hoodie("45");
        known.put("45", ProductFingerprints.of(before));
        Product after = before.withVariants(List.of(TestProducts.variant("45-1", "Blue", 1), before.variants().get(1)));

        CatalogPlan plan = CatalogPlanner.plan(List.of(after), known::get);

        assertThat(plan.upserts()).isEmpty();
        assertThat(plan.stockOnly()).singleElement().satisfies(s -> assertThat(s.inventoryUpdates()).containsExactly(
                new InventoryUpdate("45", null, StockLevel.untracked(StockStatus.IN_STOCK)),
                new InventoryUpdate("45", "45-1", StockLevel.of(1, StockStatus.IN_STOCK)),
                new InventoryUpdate("45", "45-2", StockLevel.of(0, StockStatus.OUT_OF_STOCK))));
    }

    @Test
    void plan_knownProductUnchanged_writesNothing() {
        Product p = TestProducts.hoodie("45");
        known.put("45", ProductFingerprints.of(p));

        CatalogPlan plan = CatalogPlanner.plan(List.of(TestProducts.hoodie("45")), known::get);

        assertThat(plan.writesNothing()).isTrue();
        assertThat(plan.unchanged()).containsExactly("45");
    }

    @Test
    void plan_listedProductBecameDraftOrArchived_isDeleted_unlistedOneIsIgnored() {
        known.put("1", ProductFingerprints.of(TestProducts.simple("1", "5", 2)));

        CatalogPlan plan = CatalogPlanner.plan(List.of(
                TestProducts.withStatus(TestProducts.simple("1", "5", 2), ProductStatus.ARCHIVED),
                TestProducts.withStatus(TestProducts.simple("2", "5", 2), ProductStatus.DRAFT)), known::get);

        assertThat(plan.deletes()).containsExactly("1");
        assertThat(plan.unchanged()).containsExactly("2");
        assertThat(plan.upserts()).isEmpty();
    }

    @Test
    void plan_sameProductTwiceInPage_laterWinsOnce() {
        Product first = TestProducts.simple("1", "5", 2);

        CatalogPlan plan = CatalogPlanner.plan(List.of(first, TestProducts.withTitle(first, "Later")), known::get);

        assertThat(plan.upserts()).singleElement()
                .satisfies(u -> assertThat(u.product().title()).isEqualTo("Later"));
        assertThat(plan.productIds()).containsExactly("1");
    }

    @Test
    void planGone_deletesOnlyWhatIsListed() {
        assertThat(CatalogPlanner.planGone("1", null).deletes()).isEmpty();
        assertThat(CatalogPlanner.planGone("1", ProductFingerprints.of(TestProducts.simple("1", "5", 2))).deletes())
                .containsExactly("1");
    }
}
