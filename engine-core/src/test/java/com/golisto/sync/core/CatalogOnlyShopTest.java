package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shop connector that declares no order target (a catalog feed, like the example connector in examples/) is a
 * first-class store: its catalog is synced, and the engine neither polls orders it cannot write nor reports the
 * polls it never makes as failing.
 */
class CatalogOnlyShopTest {

    private static final String STORE = "feed-1";

    EngineHarness h;
    FakeShop feed;

    @BeforeEach
    void open() {
        h = EngineHarness.create();
        feed = h.addShop("feed-shop").withoutOrders();
        feed.put(Products.simple("1", "Mug", "9", null, 3));
        h.open();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aCatalogOnlyShop_isListed_neverPollsOrders_andStaysReadyPastTheOrderPollLag() throws Exception {
        h.register(STORE, "feed-shop", Map.of("home-url", "https://feed.example", "shop-key", "ck_feed_1234",
                "shop-secret", "cs_feed_secret"));
        h.connect(STORE);
        assertThat(h.approve(STORE).status()).isEqualTo(RunStatus.SUCCEEDED);

        Duration interval = EngineHarness.defaultOptions().orderPollInterval();
        for (int polls = 0; polls < 12; polls++) {
            h.clock.advance(interval);
            h.engine().runDueWork();
        }
        h.clock.advance(HealthPolicy.defaults().cacheFor());

        assertThat(h.engine().recentRuns(STORE, 100)).extracting(RunView::kind).doesNotContain(RunKind.ORDERS);
        assertThat(h.engine().health().failing()).as("no order-poll check for a store that has no orders").isEmpty();
        assertThat(h.marketplace.listings(h.engine().store(STORE).orElseThrow().accountId())).hasSize(1);
    }
}
