package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the default schedule costs a WooCommerce store, counted on the WooCommerce emulator with the real
 * connectors: the daily pass reads variations only for parents whose version moved and for the day's deep-check
 * slice, in bulk by SKU; a product a webhook-triggered pass read is not read whole again by the next incremental
 * pass; a new variation falls back to the per-product read.
 */
class WooCommerceDailyCostIT {

    private static final String STORE = "woo-day";
    private static final String PRODUCTS = "GET /wp-json/wc/v3/products";
    private static final String VARIATIONS = "GET /wp-json/wc/v3/products/{id}/variations";
    /** 300 products, 90 of them variable with 5 variations each: 3 pages of 100. */
    private static final int PAGES = 3;
    private static final int VARIABLE = 90;

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    WooCommerceEmulator woo;
    EngineFixture fx;

    @BeforeEach
    void start() throws Exception {
        woo = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        woo.seedCatalog(new WooCatalogGenerator.Spec(300, VARIABLE, 5, 7));
        // a product's version counts once its modification time is a few seconds old (it has whole seconds)
        clock.advance(Duration.ofMinutes(1));
        fx = new EngineFixture(dir, clock, EngineFixture.provider("woocommerce"));
        fx.approvedWooCommerceStore(STORE, woo);
    }

    @AfterEach
    void stop() {
        fx.close();
        woo.close();
    }

    @Test
    void theDailyPass_readsTheVariationsOfChangedParentsAndTheDeepCheckSliceInBulkBySku() throws Exception {
        long parent = variableProducts().get(0);
        long variation = woo.merchant().variations(parent).get(0).path("id").asLong();
        woo.merchant().setStock(variation, 77);
        woo.requests().reset();

        fx.advance(Duration.ofHours(24));

        RunView daily = fx.engine.recentRuns(STORE, 5).stream().filter(r -> r.kind() == RunKind.FULL).findFirst()
                .orElseThrow();
        assertThat(daily.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(woo.requests().count(VARIATIONS)).as("no per-product variation read").isZero();
        long bulk = woo.requests().count(PRODUCTS) - PAGES;
        assertThat(bulk).as("the changed parent's variations and the deep check's, 100 a request, at most one part-"
                + "filled request a page").isBetween(1L, (VARIABLE * 5L + 99) / 100 + PAGES);
        GolistoListing listing = fx.golisto.listing(fx.connectionId(STORE), Long.toString(parent)).orElseThrow();
        assertThat(listing.variantStock(Long.toString(variation)).orElseThrow().quantity()).isEqualTo(77);
    }

    @Test
    void aProductAWebhookPassRead_isNotReadWholeAgainByTheNextIncrementalPass() throws Exception {
        long parent = variableProducts().get(1);
        long variation = woo.merchant().variations(parent).get(1).path("id").asLong();
        woo.merchant().setStock(variation, 55);
        woo.deliverWebhooksNow();
        fx.advance(Duration.ofSeconds(3));
        assertThat(fx.engine.recentRuns(STORE, 1).get(0).kind()).isEqualTo(RunKind.WEBHOOK);
        woo.requests().reset();

        fx.advance(Duration.ofMinutes(15));

        RunView next = fx.engine.recentRuns(STORE, 1).get(0);
        assertThat(next.kind()).isEqualTo(RunKind.INCREMENTAL);
        assertThat(next.counts().unchanged()).as("the product, seen again through the cursor's overlap").isPositive();
        assertThat(next.counts().written()).isZero();
        assertThat(woo.requests().count(VARIATIONS)).isZero();
        assertThat(woo.requests().count(PRODUCTS)).as("the changed list, trash included: no bulk read").isEqualTo(2);
    }

    @Test
    void aNewVariation_isReadPerProduct_andListed() throws Exception {
        long parent = variableProducts().get(2);
        JsonNode created = woo.merchant().createVariation(parent, """
                {"regular_price": "31.00", "sku": "NEW-VARIATION-1", "manage_stock": true, "stock_quantity": 3,
                 "attributes": []}""");
        woo.requests().reset();

        fx.advance(Duration.ofHours(24));

        assertThat(woo.requests().count(VARIATIONS)).as("the parent whose variation ids changed").isEqualTo(1);
        GolistoListing listing = fx.golisto.listing(fx.connectionId(STORE), Long.toString(parent)).orElseThrow();
        assertThat(listing.variantIds()).contains(created.path("id").asText());
    }

    private List<Long> variableProducts() {
        return woo.merchant().productIds().stream()
                .filter(id -> woo.merchant().product(id).orElseThrow().path("type").asText().equals("variable"))
                .filter(id -> woo.merchant().product(id).orElseThrow().path("status").asText().equals("publish"))
                .toList();
    }
}
