package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.Products;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SyncEngine#explain}: why a product is (not) on the marketplace, from the shop and the ledger. */
class ProductExplainTest {

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

    @Test
    void listedProduct_isExplainedAsListed() throws Exception {
        ProductExplanation e = h.engine().explain(STORE, "101");

        assertThat(e.shopProduct()).isNotNull();
        assertThat(e.listed()).isTrue();
        assertThat(e.decision()).isEqualTo("listable");
        assertThat(e.outcome()).isEqualTo("listed");
        assertThat(e.sentAction()).isEqualTo("create");
        assertThat(e.recentRuns()).isNotEmpty();
        assertThat(e.marketplace().error()).isNull();
        assertThat(e.marketplace().listing()).isNotNull();
        assertThat(e.marketplace().listing().title()).isEqualTo("Beanie");
        assertThat(e.marketplace().differences()).isEmpty();
    }

    @Test
    void aShopChangeNotSyncedYet_showsWhereTheMarketplacesCopyDiffers() throws Exception {
        h.shop.put(Products.simple("101", "Warm beanie", "21", null, 10));

        ProductExplanation e = h.engine().explain(STORE, "101");

        assertThat(e.marketplace().listing().title()).isEqualTo("Beanie");
        assertThat(e.marketplace().differences()).containsExactly("title", "price", "description");
    }

    @Test
    void aMarketplaceThatCannotBeRead_isNamed_andTheRestIsStillExplained() throws Exception {
        h.marketplace.faults().failNext(FakeMarketplace.Op.READ_LISTING, 1,
                () -> new RetryableException("golisto answered 503", null));

        ProductExplanation e = h.engine().explain(STORE, "101");

        assertThat(e.outcome()).isEqualTo("listed");
        assertThat(e.marketplace().listing()).isNull();
        assertThat(e.marketplace().error()).isEqualTo("the marketplace could not be read: golisto answered 503");
    }

    @Test
    void priceClearedInTheShop_isExplainedAsDeletedForNoPrice() throws Exception {
        // what the WooCommerce connector makes of a published product whose price was cleared
        h.shop.put(Products.withStatus(Products.simple("101", "Beanie", "0", null, 10), ProductStatus.DRAFT));

        h.engine().syncAndWait(STORE, SyncMode.FULL);
        ProductExplanation e = h.engine().explain(STORE, "101");

        assertThat(e.listed()).isFalse();
        assertThat(e.decision()).isEqualTo("not listable: no price");
        assertThat(e.outcome()).isEqualTo("deleted");
        assertThat(e.reason()).isEqualTo("no price");
    }

    @Test
    void draftNeverListed_isExplainedAsSkippedDraft() throws Exception {
        ProductExplanation e = h.engine().explain(STORE, "103");

        assertThat(e.listed()).isFalse();
        assertThat(e.decision()).isEqualTo("not listable: draft");
        assertThat(e.outcome()).isEqualTo("skipped");
        assertThat(e.reason()).isEqualTo("draft");
    }

    @Test
    void productTheShopNoLongerHas_isExplainedAsRemoved() throws Exception {
        h.shop.deletePermanently("104");
        h.engine().syncAndWait(STORE, SyncMode.FULL);

        ProductExplanation e = h.engine().explain(STORE, "104");

        assertThat(e.shopProduct()).isNull();
        assertThat(e.decision()).isEqualTo("not listable: removed in shop");
        assertThat(e.outcome()).isEqualTo("deleted");
        assertThat(e.reason()).isEqualTo("removed in shop");
    }

    @Test
    void aSku_namesTheProductItIsTheSkuOf() throws Exception {
        ProductExplanation bySku = h.engine().explain(STORE, "SKU-101");

        assertThat(bySku.productId()).isEqualTo("101");
        assertThat(bySku.outcome()).isEqualTo("listed");
        assertThat(h.engine().explain(STORE, "SKU-nobody").outcome()).isNull();
    }

    @Test
    void findProducts_matchesTheIdTheSkuOrWordsOfTheTitle_caseInsensitively_andPages() {
        assertThat(h.engine().findProducts(STORE, "SKU-103", 10)).singleElement().satisfies(p -> {
            assertThat(p.productId()).isEqualTo("103");
            assertThat(p.title()).isEqualTo("Draft scarf");
            assertThat(p.outcome()).isEqualTo("skipped");
            assertThat(p.reason()).isEqualTo("draft");
        });
        assertThat(h.engine().findProducts(STORE, "104", 10)).extracting(ProductSummary::sku).containsExactly("SKU-104");
        assertThat(h.engine().findProducts(STORE, "SCARF", 10)).extracting(ProductSummary::productId).containsExactly("103");
        assertThat(h.engine().findProducts(STORE, "e", 2)).extracting(ProductSummary::productId)
                .containsExactly("101", "104");
        assertThat(h.engine().findProducts(STORE, "e", "101", 10)).extracting(ProductSummary::productId)
                .containsExactly("104", "200");
        // LIKE's wildcards are text here: "%" matches only a title containing "%"
        assertThat(h.engine().findProducts(STORE, "%", 10)).isEmpty();
        assertThat(h.engine().findProducts(STORE, "  ", 10)).isEmpty();
    }

    @Test
    void aFullPass_countsSkippedProductsApartFromUnchanged_withTheirReasonsTotalled() throws Exception {
        h.shop.put(Products.withStatus(Products.simple("105", "Scarf", "20", null, 1), ProductStatus.DRAFT));
        h.shop.put(Products.withStatus(Products.simple("106", "Gloves", "0", null, 1), ProductStatus.DRAFT));

        RunView run = h.engine().syncAndWait(STORE, SyncMode.FULL);

        RunCounts c = run.counts();
        assertThat(c.skipped()).isEqualTo(3);
        assertThat(c.skippedReasons()).containsExactly(java.util.Map.entry("draft", 2L), java.util.Map.entry("no price", 1L));
        assertThat(c.unchanged()).isEqualTo(4);
        assertThat(h.engine().run(run.id()).orElseThrow().counts()).isEqualTo(c);
    }

    @Test
    void unknownStore_isRefused() {
        assertThatThrownBy(() -> h.engine().explain("nope", "101")).isInstanceOf(UnknownStoreException.class);
        assertThatThrownBy(() -> h.engine().findProducts("nope", "101", 5)).isInstanceOf(UnknownStoreException.class);
    }
}
