package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ProductStatus;
import org.junit.jupiter.api.Test;

/** {@link SyncEngine#explain} over the testing shop and the Golisto emulator: the ledger's answer per product. */
class ProductExplainIT extends EngineTestBase {

    @Test
    void explain_listedProductDraftAndClearedPrice_throughTheFacade() throws Exception {
        approvedStore();

        ProductExplanation listed = fx.engine.explain(STORE, "101");
        ProductExplanation draft = fx.engine.explain(STORE, "103");
        // what the WooCommerce connector makes of a published product whose price was cleared
        shop.put(withStatus(simple("104", "Belt", "0", null, 2), ProductStatus.DRAFT));
        fx.engine.syncAndWait(STORE, SyncMode.FULL);
        ProductExplanation cleared = fx.engine.explain(STORE, "104");

        assertThat(listed.listed()).isTrue();
        assertThat(listed.listingId()).isNotNull();
        assertThat(listed.decision()).isEqualTo("listable");
        assertThat(listed.outcome()).isEqualTo("listed");
        assertThat(listed.remoteAnswer()).isEqualTo("CREATED");
        assertThat(listed.recentRuns()).isNotEmpty();
        assertThat(listed.marketplace().error()).isNull();
        assertThat(listed.marketplace().listing()).isNotNull();
        assertThat(listed.marketplace().differences()).as("Golisto's copy read back equals the shop's product").isEmpty();
        assertThat(fx.engine.explain(STORE, "SKU-101").productId()).isEqualTo("101");
        assertThat(draft.listed()).isFalse();
        assertThat(draft.outcome()).isEqualTo("skipped");
        assertThat(draft.reason()).isEqualTo("draft");
        assertThat(cleared.listed()).isFalse();
        assertThat(cleared.decision()).isEqualTo("not listable: no price");
        assertThat(cleared.outcome()).isEqualTo("deleted");
        assertThat(cleared.reason()).isEqualTo("no price");
    }
}
