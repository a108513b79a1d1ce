package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Faults;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults and stops: transient faults are retried, a failing store blocks no other, refusals stop a store. */
class StoreFailuresTest {

    EngineHarness h;
    FakeShop other;

    @BeforeEach
    void open() {
        h = EngineHarness.create().seedCatalog();
        other = h.addShop("fake-shop-b");
        h.open();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void transientFaultsOfShopAndMarketplaceDuringTheFirstFullSync_areRetriedAndConverge() throws Exception {
        h.register(STORE);
        h.connect(STORE);
        h.shop.faults().failNext(FakeShop.Op.READ_ALL, 2, () -> new RetryableException("503 from the shop", null));
        h.marketplace.faults().failNext(FakeMarketplace.Op.APPLY, 1,
                () -> new RetryableException("429", Duration.ofSeconds(7), null));
        h.marketplace.faults().failNext(FakeMarketplace.Op.APPLY, 2, () -> new RetryableException("reset", null));
        Instant before = h.clock.instant();

        RunView first = h.approve(STORE);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Duration.between(before, h.clock.instant())).as("waited at least the Retry-After")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(h.shop.faults().calls(FakeShop.Op.READ_ALL)).as("2 failed, then 2 pages").isEqualTo(4);
        h.assertListingsMatchShop();
        assertThat(h.engine().syncAndWait(STORE, SyncMode.FULL).counts().written()).isZero();
    }

    @Test
    void aStoreWhoseShopHangsThenFails_blocksNoOtherStore() throws Exception {
        h.approvedStore();
        other.put(Products.simple("900", "Other shop's mug", "9", null, 3));
        h.register("shop-b", "fake-shop-b", Map.of("home-url", "https://other.example", "shop-key", "ck_b_1234",
                "shop-secret", "cs_b_secret"));
        h.connect("shop-b");
        assertThat(h.approve("shop-b").status()).isEqualTo(RunStatus.SUCCEEDED);
        Faults.Gate stuck = other.faults().holdThenFail(FakeShop.Op.READ_ALL,
                () -> new RetryableException("the other shop is down", null));
        other.faults().failNext(FakeShop.Op.READ_ALL, 5, () -> new RetryableException("the other shop is down", null));

        RunId hanging = h.engine().sync("shop-b", SyncMode.FULL);
        assertThat(stuck.awaitEntered(30)).isTrue();
        h.shop.put(Products.simple("101", "Beanie, repriced", "17", null, 10));
        RunView healthy = h.engine().syncAndWait(STORE, SyncMode.FULL);
        stuck.release();
        RunView failed = h.engine().awaitRun(hanging, Duration.ofSeconds(30));

        assertThat(healthy.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(healthy.counts().updated()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("the other shop is down");
        h.assertListingsMatchShop();
        h.assertListingsMatchShop("shop-b", other);
    }

    @Test
    void disconnect_stopsEverything_removesTheShopWebhooks_andErasesTheSecrets() throws Exception {
        h.approvedStore();
        String account = h.account(STORE);
        var late = h.shop.productWebhook("late", "101", "updated");

        StoreView after = h.engine().disconnect(STORE);
        long shopCalls = h.shop.faults().totalCalls();
        int runs = h.engine().recentRuns(STORE, 100).size();
        for (int hour = 0; hour < 30; hour++) {
            h.advance(Duration.ofHours(1));
        }

        assertThat(after.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(after.shopCredentialsPresent()).as("the shop's API secret was erased").isFalse();
        assertThat(h.marketplace.status(account)).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(h.marketplace.tokenRevoked(account)).isTrue();
        assertThat(h.shop.webhookUrls()).isEmpty();
        assertThat(h.shop.faults().totalCalls()).isEqualTo(shopCalls);
        assertThat(h.engine().recentRuns(STORE, 100)).hasSize(runs);
        assertThatThrownBy(() -> h.engine().sync(STORE, SyncMode.INCREMENTAL)).isInstanceOf(NotApprovedException.class);
        assertThat(h.engine().handleShopWebhook(STORE, late)).as("the webhook secret is gone")
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void marketplaceEndingTheConnection_bySignedWebhook_stopsTheStore() throws Exception {
        h.approvedStore();
        String account = h.account(STORE);
        h.marketplace.endConnection(account, "store closed by support");

        WebhookVerdict verdict = h.engine().handleMarketplaceWebhook(
                h.marketplace.webhook(account, "connection.disconnected", null));
        h.engine().runDueWork();

        assertThat(verdict).isInstanceOf(WebhookVerdict.Accepted.class);
        StoreView store = h.engine().store(STORE).orElseThrow();
        assertThat(store.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(store.statusReason()).isEqualTo("store closed by support");
        assertThat(h.shop.webhookUrls()).isEmpty();
        assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.StatusChanged.class,
                s -> assertThat(s.to()).isEqualTo(ConnectionStatus.DISCONNECTED)));
    }

    @Test
    void marketplaceRefusingTheStoreAsNotApprovedDuringASync_stopsItAndFollowsTheStatusItReports() throws Exception {
        h.approvedStore();
        h.marketplace.endConnection(h.account(STORE), "token revoked");
        h.shop.put(Products.simple("101", "Beanie, renamed", "18", null, 10));

        RunView run = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("not approved");
        assertThat(h.engine().store(STORE).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(h.shop.webhookUrls()).isEmpty();
    }

    @Test
    void marketplaceRejectingTheStoresTokenDuringASync_marksTheStoreDisconnectedAndErasesItsSecrets()
            throws Exception {
        h.approvedStore();
        h.marketplace.revokeToken(h.account(STORE));
        h.shop.put(Products.simple("101", "Beanie, renamed again", "18", null, 10));

        RunView run = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("rejected the store's credentials");
        StoreView store = h.engine().store(STORE).orElseThrow();
        assertThat(store.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(store.shopCredentialsPresent()).isFalse();
        assertThat(h.shop.webhookUrls()).isEmpty();
    }

    @Test
    void scheduler_runsTheDailyFullPassInTheStoresJitteredSlot_andIncrementalPassesAndOrderPollsBetween()
            throws Exception {
        h.approvedStore();
        int ticks = 0;

        while (h.clock.instant().isBefore(Instant.parse("2026-12-01T04:10:00Z"))) {
            h.advance(Duration.ofMinutes(30));
            ticks++;
        }

        List<RunView> fulls = h.runs(STORE, RunKind.FULL);
        assertThat(fulls).as("the approval's and the daily one").hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(fulls.get(0).startedAt()).isBetween(Instant.parse("2026-12-01T03:00:00Z"),
                Instant.parse("2026-12-01T04:30:00Z"));
        assertThat(h.runs(STORE, RunKind.INCREMENTAL)).as("one per tick, except the tick of the daily pass")
                .hasSize(ticks - 1);
        assertThat(h.runs(STORE, RunKind.ORDERS)).as("polls that found no sale are counted, not listed").isEmpty();
        assertThat(h.engine().store(STORE).orElseThrow().orderPolls().empty()).isEqualTo(ticks);
    }
}
