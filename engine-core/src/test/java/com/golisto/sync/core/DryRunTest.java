package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dry runs of the full pass on the fakes: what they report, and that they write nothing anywhere. */
class DryRunTest {

    EngineHarness h;

    @BeforeEach
    void approvedStore() throws Exception {
        h = EngineHarness.create().seedCatalog();
        h.open();
        assertThat(h.approvedStore().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** 101 repriced, 105 new, 102's price cleared, 200 drafted, 104 deleted, 106 new without a price; 103 a draft. */
    private void changeTheShop() {
        h.shop.put(Products.simple("101", "Beanie", "21", null, 10));
        h.shop.put(Products.simple("105", "Gloves", "22", null, 9));
        h.shop.put(noPrice(Products.simple("102", "Cap", "16.5", "14.90", 0)));
        h.shop.setStatus("200", ProductStatus.DRAFT);
        h.shop.deletePermanently("104");
        h.shop.put(noPrice(Products.simple("106", "Scarf", "1", null, 3)));
    }

    /** As a shop connector demotes a published product without a price. */
    private static Product noPrice(Product p) {
        return new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(),
                ProductStatus.DRAFT, Money.of("0", "EUR"), null, p.stock(), p.weight(), p.images(), p.categories(),
                p.attributes(), p.variants(), p.modifiedAt());
    }

    private List<String> state() {
        List<String> rows = new java.util.ArrayList<>();
        rows.addAll(h.column("SELECT source_id || '|' || COALESCE(target_id, '') || '|' || COALESCE(fingerprint, '')"
                + " || '|' || COALESCE(stock_fingerprint, '') || '|' || generation || '|' || updated_at"
                + " FROM entity_mappings ORDER BY kind, source_id"));
        rows.addAll(h.column("SELECT product_id || '|' || outcome || '|' || COALESCE(reason, '') || '|' || updated_at"
                + " FROM product_ledger ORDER BY product_id"));
        rows.addAll(h.column("SELECT cursor_name || '|' || cursor_value || '|' || updated_at FROM cursors"
                + " ORDER BY cursor_name"));
        rows.addAll(h.column("SELECT id || '|' || generation || '|' || updated_at FROM stores ORDER BY id"));
        return rows;
    }

    @Test
    void dryRun_reportsWhatAFullPassWouldDo_andWritesNothing_thenTheFullPassDoesExactlyThat() throws Exception {
        changeTheShop();
        List<String> before = state();
        long applies = h.marketplace.faults().calls(FakeMarketplace.Op.APPLY);
        long inventory = h.marketplace.faults().calls(FakeMarketplace.Op.APPLY_INVENTORY);
        assertThat(h.engine().dryRunReport(STORE)).as("none before the first dry run").isEmpty();

        RunId id = h.engine().dryRun(STORE);
        RunView run = h.engine().awaitRun(id, Duration.ofSeconds(60));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.kind()).isEqualTo(RunKind.DRY_RUN);
        assertThat(run.counts().written()).as("a dry run writes nothing").isZero();
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY)).isEqualTo(applies);
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY_INVENTORY)).isEqualTo(inventory);
        assertThat(state()).as("mappings, ledger, cursors, generation").isEqualTo(before);

        DryRunReport report = h.engine().dryRunReport(STORE).orElseThrow();
        assertThat(report.runId()).isEqualTo(id);
        assertThat(report.counts()).isEqualTo(new DryRunReport.Counts(6, 1, 1, 0, 3, 0, 2));
        assertThat(report.skipReasons()).isEqualTo(Map.of("draft", 1L, "no price", 1L));
        assertThat(report.deleteReasons()).isEqualTo(Map.of("draft", 1L, "no price", 1L, "removed in shop", 1L));
        assertThat(report.creates()).containsExactly(new DryRunReport.Item("105", "SKU-105", "Gloves", List.of(), null));
        assertThat(report.updates()).containsExactly(
                new DryRunReport.Item("101", "SKU-101", "Beanie", List.of("price"), null));
        assertThat(report.stockUpdates()).isEmpty();
        assertThat(report.deletes()).extracting(DryRunReport.Item::productId, DryRunReport.Item::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("102", "no price"),
                        org.assertj.core.groups.Tuple.tuple("200", "draft"),
                        org.assertj.core.groups.Tuple.tuple("104", "removed in shop"));
        assertThat(report.skips()).extracting(DryRunReport.Item::productId, DryRunReport.Item::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("103", "draft"),
                        org.assertj.core.groups.Tuple.tuple("106", "no price"));

        RunView full = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(full.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().created()).isEqualTo(report.counts().wouldCreate());
        assertThat(full.counts().updated())
                .isEqualTo(report.counts().wouldUpdate() + report.counts().wouldUpdateStock());
        assertThat(full.counts().deleted()).isEqualTo(report.counts().wouldDelete());
        assertThat(full.counts().unchanged()).isEqualTo(report.counts().unchanged());
        assertThat(full.counts().skipped()).isEqualTo(report.counts().skipped());
        assertThat(full.counts().skippedReasons()).isEqualTo(report.skipReasons());
        h.assertListingsMatchShop();
    }

    @Test
    void dryRun_namesStockAndEachChangedField_andTakesStockOnlyChangesApart() throws Exception {
        h.shop.put(Products.simple("101", "Woolly beanie", "18", null, 4));
        h.shop.put(Products.simple("104", "Belt", "30", null, 7));

        DryRunReport report = report(h.engine().dryRun(STORE));

        assertThat(report.updates()).containsExactly(
                new DryRunReport.Item("101", "SKU-101", "Woolly beanie", List.of("title", "description", "images",
                        "stock"), null));
        assertThat(report.stockUpdates()).containsExactly(
                new DryRunReport.Item("104", "SKU-104", "Belt", List.of("stock"), null));
        assertThat(report.counts().unchanged()).isEqualTo(2);
    }

    @Test
    void dryRun_ofListingsWrittenWithoutFieldFingerprints_saysTheContentChanged() throws Exception {
        h.execute("UPDATE entity_mappings SET field_fingerprints = NULL");
        h.shop.put(Products.simple("101", "Beanie", "21", null, 10));

        assertThat(report(h.engine().dryRun(STORE)).updates()).extracting(DryRunReport.Item::changedFields)
                .containsExactly(List.of("content"));
    }

    @Test
    void dryRun_samplesAtMostTheLimit_butCountsEverything() throws Exception {
        for (int i = 0; i < DryRunReport.DEFAULT_SAMPLE + 5; i++) {
            h.shop.put(Products.simple(Integer.toString(300 + i), "New " + i, "10", null, 1));
        }

        DryRunReport report = report(h.engine().dryRun(STORE));

        assertThat(report.counts().wouldCreate()).isEqualTo(DryRunReport.DEFAULT_SAMPLE + 5);
        assertThat(report.creates()).hasSize(DryRunReport.DEFAULT_SAMPLE);
        assertThat(report.sampleLimit()).isEqualTo(DryRunReport.DEFAULT_SAMPLE);
    }

    @Test
    void dryRun_isNeverTheLastFullPass_andItsReportOutlivesARestart() throws Exception {
        RunView lastFull = h.runs(STORE, RunKind.FULL).get(0);

        DryRunReport report = report(h.engine().dryRun(STORE));
        h.reopen();

        assertThat(h.engine().dryRunReport(STORE)).contains(report);
        assertThat(h.runs(STORE, RunKind.FULL)).first().isEqualTo(lastFull);
        assertThat(h.engine().runs(STORE, new RunQuery(RunKind.DRY_RUN, null, null, null, 10)).runs())
                .extracting(r -> r.id()).containsExactly(report.runId());
        assertThat(h.engine().health().checks()).filteredOn(c -> c.name().equals(HealthCheck.PASSES))
                .allSatisfy(c -> assertThat(c.reason()).contains("0 of its last 1 catalog passes failed"));
    }

    @Test
    void dryRun_ofAStoreNotApproved_isRefused() throws Exception {
        h.register("shop-2");

        assertThatThrownBy(() -> h.engine().dryRun("shop-2")).isInstanceOf(NotApprovedException.class);
        assertThat(h.engine().dryRunReport("shop-2")).isEmpty();
        assertThatThrownBy(() -> h.engine().dryRunReport("nope")).isInstanceOf(UnknownStoreException.class);
    }

    private DryRunReport report(RunId id) throws InterruptedException {
        assertThat(h.engine().awaitRun(id, Duration.ofSeconds(60)).status()).isEqualTo(RunStatus.SUCCEEDED);
        return h.engine().dryRunReport(STORE).orElseThrow();
    }
}
