package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.core.testing.EngineHarness;
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
    void unknownStore_isRefused() {
        assertThatThrownBy(() -> h.engine().explain("nope", "101")).isInstanceOf(UnknownStoreException.class);
    }
}
