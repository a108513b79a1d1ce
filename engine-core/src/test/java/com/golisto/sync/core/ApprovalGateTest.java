package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.FakeShop;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connecting a store and the approval gate, on the fake shop and marketplace. */
class ApprovalGateTest {

    EngineHarness h;

    @BeforeEach
    void open() {
        h = EngineHarness.create().seedCatalog();
        h.open();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void unapprovedStore_getsOnlyTheConnectReadsFromTheShop_noWebhooksNoRunsNoListings_untilApproved()
            throws Exception {
        h.register(STORE);
        StoreView connected = h.connect(STORE);
        long connectCalls = h.shop.faults().totalCalls();

        for (int hour = 0; hour < 48; hour++) {
            h.advance(Duration.ofHours(1));
        }

        assertThatThrownBy(() -> h.engine().sync(STORE, SyncMode.FULL)).isInstanceOf(NotApprovedException.class);
        assertThatThrownBy(() -> h.engine().pollOrders(STORE)).isInstanceOf(NotApprovedException.class);
        assertThat(connected.status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        assertThat(h.shop.faults().calls(FakeShop.Op.STORE_INFO)).as("the currency and URL, for connecting")
                .isEqualTo(connectCalls).isEqualTo(2);
        assertThat(h.shop.faults().totalCalls()).isEqualTo(connectCalls);
        assertThat(h.shop.webhookUrls()).isEmpty();
        assertThat(h.engine().recentRuns(STORE, 10)).isEmpty();
        assertThat(h.marketplace.listings(h.account(STORE))).isEmpty();
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.STATUS)).as("only status polls")
                .isEqualTo(h.marketplace.faults().totalCalls() - 1).isPositive();
    }

    @Test
    void approval_registersTheShopWebhooks_andStartsAFirstFullSyncThatListsEveryActiveProduct() throws Exception {
        h.register(STORE);
        h.connect(STORE);

        RunView first = h.approve(STORE);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.counts()).isEqualTo(new RunCounts(5, 4, 0, 0, 0, 0, first.counts().requests(), 1,
                java.util.Map.of("draft", 1L)));
        assertThat(first.counts().requests()).as("shop pages and marketplace batches, counted").isGreaterThanOrEqualTo(3);
        assertThat(h.shop.webhookUrls()).containsExactly(URI.create("https://engine.example/webhooks/fake-shop/" + STORE));
        h.assertListingsMatchShop();
        assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.StatusChanged.class,
                s -> assertThat(s.to()).isEqualTo(ConnectionStatus.APPROVED)));
        assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.RunFinished.class,
                f -> assertThat(f.run().id()).isEqualTo(first.id())));
    }

    @Test
    void approvalWebhook_beforeTheSchedulersFirstTick_approvesAndStartsTheFirstFullSyncAtTheNextTick()
            throws Exception {
        h.register(STORE);
        h.connect(STORE);
        h.reopen();
        h.marketplace.approve(h.account(STORE));

        WebhookVerdict verdict = h.engine().handleMarketplaceWebhook(
                h.marketplace.webhook(h.account(STORE), "connection.approved", null));
        h.engine().runDueWork();

        assertThat(verdict).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(h.engine().store(STORE).orElseThrow().status()).isEqualTo(ConnectionStatus.APPROVED);
        assertThat(h.shop.webhookUrls()).isNotEmpty();
        RunView first = h.engine().recentRuns(STORE, 1).get(0);
        assertThat(first.kind()).isEqualTo(RunKind.FULL);
        assertThat(h.engine().awaitRun(first.id(), Duration.ofSeconds(60)).status()).isEqualTo(RunStatus.SUCCEEDED);
        h.assertListingsMatchShop();
    }

    @Test
    void storeWithoutShopKeys_cannotConnect_untilTheShopsGrantFlowHandsThemOver() throws Exception {
        h.register(STORE, EngineHarness.SHOP_ID, Map.of("home-url", "https://shop.example"));
        assertThat(h.engine().store(STORE).orElseThrow().shopCredentialsPresent()).isFalse();
        assertThatThrownBy(() -> h.engine().beginConnect(STORE)).isInstanceOf(ConnectFlowException.class)
                .hasMessageContaining("no shop API keys");

        URI grantPage = h.engine().beginCredentialGrant(STORE);
        var callback = h.shop.grantKeys(grantPage, "ck_granted_9876", "cs_granted_secret");
        StoreView withKeys = h.engine().completeCredentialGrant(
                grantPage.getQuery().replaceAll(".*state=([^&]+).*", "$1"), callback);

        assertThat(withKeys.shopCredentialsPresent()).isTrue();
        assertThat(h.connect(STORE).status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        assertThat(h.marketplace.shopKey(h.account(STORE))).isEqualTo("ck_granted_9876");
        assertThatThrownBy(() -> h.engine().completeCredentialGrant("used-or-unknown", callback))
                .isInstanceOf(ConnectFlowException.class);
    }
}
