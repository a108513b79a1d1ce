package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.core.testing.EngineHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SyncEngine#storeMetrics()}: each registered store's listings, pending work, last successes and webhooks. */
class StoreMetricsTest {

    EngineHarness h;

    @BeforeEach
    void approvedStore() throws Exception {
        h = EngineHarness.create(EngineHarness.defaultOptions().withTiming(Duration.ofSeconds(2), Duration.ofMinutes(10)))
                .seedCatalog();
        h.open();
        h.approvedStore();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private StoreMetrics metrics(String storeId) {
        return h.engine().storeMetrics().stream().filter(m -> m.storeId().equals(storeId)).findFirst().orElseThrow();
    }

    @Test
    void afterAFullPass_listingsAreTheMarketplacesListings_andTheFullPassIsTheLastSuccess() {
        StoreMetrics m = metrics(STORE);

        assertThat(m.listings()).isPositive().isEqualTo(h.marketplace.listings(h.account(STORE)).size());
        assertThat(m.lastSuccess()).containsKey(RunKind.FULL);
        assertThat(m.pendingWork()).isZero();
        assertThat(m.webhookDeliveries()).isEmpty();
    }

    @Test
    void anOrderPoll_isTheLastOrderPoll() throws Exception {
        Instant polledAt = h.clock.instant();

        h.engine().pollOrders(STORE);

        StoreMetrics m = metrics(STORE);
        assertThat(m.lastOrderPoll()).isEqualTo(polledAt);
    }

    @Test
    void webhooks_countByResult_andAMarkedProductIsPendingWork() {
        InboundRequest delivery = h.shop.productWebhook("d-1", "101", "updated");

        h.engine().handleShopWebhook(STORE, delivery);
        h.engine().handleShopWebhook(STORE, delivery);

        StoreMetrics m = metrics(STORE);
        assertThat(m.webhookDeliveries()).isEqualTo(Map.of("accepted", 1L, "duplicate", 1L));
        assertThat(m.dirtyProducts()).isEqualTo(1);
        assertThat(m.pendingWork()).isEqualTo(1);
    }

    @Test
    void onlyRegisteredStoresAreListed() {
        h.engine().handleShopWebhook("ghost-shop", h.shop.productWebhook("d-2", "101", "updated"));

        List<String> ids = h.engine().storeMetrics().stream().map(StoreMetrics::storeId).toList();

        assertThat(ids).containsExactly(STORE);
    }
}
