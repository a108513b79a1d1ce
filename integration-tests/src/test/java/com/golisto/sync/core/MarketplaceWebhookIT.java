package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.golisto.GolistoWebhookResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golisto's signed webhooks reach the engine before the scheduler ever looked at the store (a fresh
 * engine, a restart): the approval still starts the approval flow at the next tick, and order events
 * still lead to one order poll shortly after, however many arrive.
 */
class MarketplaceWebhookIT extends EngineTestBase {

    @Test
    void approvalWebhook_beforeTheFirstSchedulerTick_registersShopWebhooksAndStartsTheFirstFullSyncAtTheNextTick()
            throws Exception {
        registerAndConnect();
        fx.golisto.approve(fx.connectionId(STORE));

        List<GolistoWebhookResult> sent = fx.golisto.webhooks().deliverPending();
        fx.engine.runDueWork();

        assertThat(sent).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(fx.engine.store(STORE).orElseThrow().status()).isEqualTo(ConnectionStatus.APPROVED);
        assertThat(shop.webhookUrls()).as("shop webhooks registered on approval").isNotEmpty();
        RunView first = fx.engine.recentRuns(STORE, 1).get(0);
        assertThat(first.kind()).isEqualTo(RunKind.FULL);
        assertThat(fx.engine.awaitRun(first.id(), Duration.ofSeconds(60)).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertCatalogEqualsShop();
    }

    @Test
    void orderWebhooks_afterARestart_leadToOneOrderPollOnceTheDebouncePassed() throws Exception {
        approvedStore();
        fx.reopen();
        List<String> orderIds = new ArrayList<>();
        for (String product : List.of("101", "104", "101")) {
            orderIds.add(fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE)).line(product, 1)
                    .build()));
        }

        List<GolistoWebhookResult> sent = fx.golisto.webhooks().deliverPending();
        fx.engine.runDueWork();
        long pollsWithinTheDebounce = orderRuns();
        fx.advance(Duration.ofSeconds(2));
        fx.advance(Duration.ofMillis(500));

        assertThat(sent).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(pollsWithinTheDebounce).as("a burst of order events is coalesced").isZero();
        assertThat(orderRuns()).as("one poll for the burst").isEqualTo(1);
        assertThat(shop.orders()).extracting(TestingShop.ShopOrder::marketplaceOrderId)
                .containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(fx.golisto.webhooks().redeliver(sent.get(0).delivery()).status()).as("a repeat is harmless")
                .isEqualTo(200);
        fx.advance(Duration.ofSeconds(3));
        assertThat(orderRuns()).isEqualTo(1);
        assertThat(fx.engine.store(STORE).orElseThrow().orderPolls().empty()).as("and no empty poll after it")
                .isZero();
        assertThat(shop.orders()).hasSize(3);
    }

    private long orderRuns() {
        return fx.engine.recentRuns(STORE, 50).stream().filter(r -> r.kind() == RunKind.ORDERS).count();
    }
}
