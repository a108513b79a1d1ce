package com.golisto.sync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LowerBoundTest {

    @Test
    void fullSync_benchmarkCatalog_readsVariationsInBulkBySkuAHundredPerRequestNotOnePagePerParent() {
        CatalogShape shape = new CatalogShape(10_000, 10_000, 3_000, 30_000, 3_000, 30);

        LowerBound bound = LowerBound.fullSync(shape, 10_000);

        // 100 product pages + ceil(30,000 / 100) = 300 bulk SKU reads (not 3,000 per-parent pages) + 1 category page
        assertThat(bound.shopReads()).isEqualTo(100 + 300 + 1);
        assertThat(bound.marketplaceWrites()).isEqualTo(100);
        assertThat(bound.total()).isEqualTo(501);
        assertThat(bound.how()).contains("bulk variation reads by SKU");
    }

    @Test
    void fullSync_hundredThousandProducts_countsAThousandBulkVariationReads() {
        CatalogShape shape = new CatalogShape(100_000, 100_000, 30_000, 300_000, 30_000, 30);

        LowerBound bound = LowerBound.fullSync(shape, 100_000);

        assertThat(bound.shopReads()).isEqualTo(1_000 + 3_000 + 1);
        assertThat(bound.marketplaceWrites()).isEqualTo(1_000);
    }

    @Test
    void fullSync_nothingToWrite_boundsOnlyTheReads() {
        CatalogShape shape = new CatalogShape(101, 101, 0, 0, 0, 1);

        LowerBound bound = LowerBound.fullSync(shape, 0);

        assertThat(bound.shopReads()).isEqualTo(2 + 1);
        assertThat(bound.marketplaceWrites()).isZero();
    }

    @Test
    void incremental_mixOfPriceAndStock_listsChangesAndTrashThenWritesFullBatches() {
        List<String> ids = IntStream.range(0, 1_000).mapToObj(Integer::toString).toList();
        // 300 changed variable products of 10 variations: 300 per-parent pages, but 3,000 variations fit 30 SKU reads
        ChangeSet changes = new ChangeSet(ids, 500, 500, 300, 3_000);

        LowerBound bound = LowerBound.incremental(changes);

        assertThat(bound.shopReads()).isEqualTo(10 + 1 + 30);
        assertThat(bound.marketplaceWrites()).isEqualTo(5 + 1);
    }

    @Test
    void webhooks_hundredProducts_needOneIncludeListing() {
        List<String> ids = IntStream.range(0, 100).mapToObj(Integer::toString).toList();

        LowerBound bound = LowerBound.webhooks(new ChangeSet(ids, 50, 50, 30, 300));

        assertThat(bound.shopReads()).isEqualTo(1 + 3);
    }

    @Test
    void webhooks_variationsOfFewParents_partialBulkReadCountsAsOne() {
        List<String> ids = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

        LowerBound bound = LowerBound.webhooks(new ChangeSet(ids, 5, 5, 3, 30));

        assertThat(bound.shopReads()).isEqualTo(1 + 1);
        assertThat(bound.marketplaceWrites()).isEqualTo(1 + 1);
    }

    @Test
    void day_hundredThousandProducts_countsPollsOneListingTheDeepCheckShareAndEachWebhookBurst() {
        CatalogShape shape = new CatalogShape(100_000, 100_000, 30_000, 300_000, 30_000, 30);
        List<DayChange> changes = List.of(
                new DayChange("1", DayChange.Kind.WEBHOOK, true, 10),
                new DayChange("2", DayChange.Kind.LOST, true, 10),
                new DayChange("3", DayChange.Kind.LOST, false, 0),
                new DayChange("4", DayChange.Kind.DELETE, false, 0),
                new DayChange("5", DayChange.Kind.DIRECT, true, 0));

        LowerBound bound = LowerBound.day(shape, 95, 1, changes);

        // 95 polls x 2 + 1,000 product pages + ceil(ceil(300,000/7)/100) = 429 deep-check reads + 1 burst
        // + ceil(10/100) = 1 variation read for the change without webhook
        assertThat(bound.shopReads()).isEqualTo(190 + 1_000 + 429 + 1 + 1);
        // 1 webhook batch + 1 catalog + 1 inventory batch for the changes without webhook + 1 delete batch
        assertThat(bound.marketplaceWrites()).isEqualTo(1 + 2 + 1);
    }
}
