package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WebhookDelivery;
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
 * A burst of WooCommerce webhooks for many different products, on the WooCommerce and Golisto emulators
 * with the real connectors: after the debounce the products are re-read in a few list requests (one per
 * 100 ids), not one request per product, and every change reaches Golisto.
 */
class WooCommerceWebhookBurstIT {

    private static final String STORE = "woo-burst";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    WooCommerceEmulator woo;
    EngineFixture fx;

    @BeforeEach
    void start() throws Exception {
        woo = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        woo.seedCatalog(new WooCatalogGenerator.Spec(120, 0, 1, 42));
        fx = new EngineFixture(dir, clock, EngineFixture.provider("woocommerce"));
        fx.approvedWooCommerceStore(STORE, woo);
    }

    @AfterEach
    void stop() {
        fx.close();
        woo.close();
    }

    @Test
    void hundredWebhooksForHundredProducts_areReReadInAFewListRequests_andAllReachTheMarketplace()
            throws Exception {
        List<Long> changed = woo.merchant().productIds().stream()
                .filter(id -> woo.merchant().product(id).orElseThrow().path("status").asText().equals("publish"))
                .limit(100).toList();
        assertThat(changed).hasSize(100);
        for (long id : changed) {
            woo.merchant().rename(id, "Renamed " + id);
        }
        List<WebhookDelivery> delivered = woo.deliverWebhooksNow();
        long shopBefore = woo.requests().total();

        fx.advance(Duration.ofSeconds(3));

        long shopRequests = woo.requests().total() - shopBefore;
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(100)
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        RunView run = fx.engine.recentRuns(STORE, 1).get(0);
        assertThat(run.kind()).isEqualTo(RunKind.WEBHOOK);
        assertThat(run.counts().updated()).isEqualTo(100);
        assertThat(shopRequests).as("one list request per 100 ids (plus the store's currency and categories)")
                .isBetween(1L, 4L);
        for (long id : changed) {
            GolistoListing listing = fx.golisto.listing(fx.connectionId(STORE), Long.toString(id)).orElseThrow();
            JsonNode product = woo.merchant().product(id).orElseThrow();
            assertThat(listing.title()).isEqualTo(product.path("name").asText()).isEqualTo("Renamed " + id);
        }
    }

    @Test
    void aProductDeletedBeforeItsBurstIsReRead_isDelistedLikeA404() throws Exception {
        List<Long> ids = woo.merchant().productIds().stream()
                .filter(id -> woo.merchant().product(id).orElseThrow().path("status").asText().equals("publish"))
                .limit(3).toList();
        woo.merchant().rename(ids.get(0), "Still here");
        woo.merchant().trash(ids.get(1));
        woo.merchant().rename(ids.get(2), "Renamed, then deleted");
        woo.deliverWebhooksNow();
        // inside the debounce: the product is gone by the time the engine re-reads it
        woo.merchant().deletePermanently(ids.get(2));

        fx.advance(Duration.ofSeconds(3));

        String connection = fx.connectionId(STORE);
        assertThat(fx.golisto.listing(connection, Long.toString(ids.get(0)))).hasValueSatisfying(
                l -> assertThat(l.title()).isEqualTo("Still here"));
        assertThat(fx.golisto.listing(connection, Long.toString(ids.get(1)))).as("trashed").isEmpty();
        assertThat(fx.golisto.listing(connection, Long.toString(ids.get(2)))).as("deleted").isEmpty();
    }
}
