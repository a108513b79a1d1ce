package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.sandbox.golisto.GolistoConnectionStatus;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.http.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Failures and stops: transient faults converge, a failing store blocks no other, disconnection stops all. */
class EngineResilienceIT extends EngineTestBase {

    private static final String BATCH_PATH = "/api/woocommerce/catalog/batch";

    @Test
    void rateLimitsOutagesResetsAndTimeoutsDuringTheFirstFullSync_convergeToTheShopsCatalog() throws Exception {
        registerAndConnect(Map.of("request-timeout", "PT0.3S"));
        var faults = fx.golisto.faults();
        faults.inject("POST", BATCH_PATH, Fault.status(429, Duration.ofSeconds(7),
                GolistoEmulator.errorBody("rate_limited", "slow down")), 1);
        faults.inject("POST", BATCH_PATH, Fault.status(503), 1);
        faults.inject("POST", BATCH_PATH, Fault.connectionReset(), 1);
        faults.inject("POST", BATCH_PATH, Fault.latency(Duration.ofMillis(1500)), 1);
        faults.inject("POST", BATCH_PATH, Fault.truncatedBody(), 1);
        shop.flaky(List.of("readAll"), 2);
        Instant before = clock.instant();

        RunView first = fx.approve(STORE);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Duration.between(before, clock.instant())).as("waited at least the Retry-After")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(7));
        assertThat(faults.pending()).isZero();
        assertCatalogEqualsShop();
        assertThat(fx.engine.syncAndWait(STORE, SyncMode.FULL).counts().written()).isZero();
    }

    @Test
    void aStoreWhoseShopKeepsFailing_blocksNoOtherStore() throws Exception {
        TestingShop other = new TestingShop("testing-shop-b", clock, "EUR");
        other.put(simple("900", "Other shop's mug", "9", null, 3));
        fx.close();
        fx = new EngineFixture(dir.resolve("two"), clock, shop.provider(), other.provider());
        approvedStore();
        fx.register("shop-b", "testing-shop-b", Map.of("home-url", "https://other.example", "shop-key", "ck_b_1234",
                "shop-secret", "cs_b_secret"));
        fx.connect("shop-b");
        assertThat(fx.approve("shop-b").status()).isEqualTo(RunStatus.SUCCEEDED);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        other.onNext("readAll", () -> {
            stuck.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new RetryableException("the other shop is down", null);
        });
        for (int i = 0; i < 6; i++) {
            other.failNext("readAll", new RetryableException("the other shop is down", null));
        }

        RunId hanging = fx.engine.sync("shop-b", SyncMode.FULL);
        assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();
        shop.put(simple("101", "Beanie, repriced", "17", null, 10));
        RunView healthy = fx.engine.syncAndWait(STORE, SyncMode.FULL);
        release.countDown();
        RunView failed = fx.engine.awaitRun(hanging, Duration.ofSeconds(30));

        assertThat(healthy.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(healthy.counts().updated()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("the other shop is down");
        assertCatalogEqualsShop();
    }

    @Test
    void disconnect_stopsEverything_removesTheShopWebhooks_andErasesTheSecrets() throws Exception {
        approvedStore();
        String connection = fx.connectionId(STORE);
        String secret = shop.webhookSecret();

        StoreView after = fx.engine.disconnect(STORE);
        long requests = shop.requests();
        int runs = fx.engine.recentRuns(STORE, 100).size();
        for (int hour = 0; hour < 30; hour++) {
            fx.advance(Duration.ofHours(1));
        }

        assertThat(after.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(after.shopCredentialsPresent()).as("the shop's API secret was erased").isFalse();
        assertThat(fx.golisto.connection(connection).status()).isEqualTo(GolistoConnectionStatus.DISCONNECTED);
        assertThat(fx.golisto.connection(connection).tokenRevoked()).isTrue();
        assertThat(shop.webhookUrls()).isEmpty();
        assertThat(shop.requests()).isEqualTo(requests);
        assertThat(fx.engine.recentRuns(STORE, 100)).hasSize(runs);
        assertThatThrownBy(() -> fx.engine.sync(STORE, SyncMode.INCREMENTAL)).isInstanceOf(NotApprovedException.class);
        String body = "{\"delivery\":\"late\",\"product\":\"101\",\"action\":\"updated\"}";
        var late = new com.golisto.sync.api.spi.InboundRequest("POST", "/webhooks/testing-shop/" + STORE, "",
                Map.of("X-Testing-Signature", List.of(TestingShop.sign(secret, body))), body.getBytes());
        assertThat(fx.engine.handleShopWebhook(STORE, late)).as("the webhook secret is gone")
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void marketplaceEndingTheConnection_bySignedWebhook_stopsTheStore() throws Exception {
        approvedStore();
        String connection = fx.connectionId(STORE);

        fx.golisto.disconnectByGolisto(connection, "store closed by Golisto support");
        var sent = fx.golisto.webhooks().deliverPending();
        fx.engine.runDueWork();

        assertThat(sent).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        StoreView store = fx.engine.store(STORE).orElseThrow();
        assertThat(store.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(store.statusReason()).isNotBlank();
        assertThat(shop.webhookUrls()).isEmpty();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.StatusChanged.class,
                s -> assertThat(s.to()).isEqualTo(ConnectionStatus.DISCONNECTED)));
    }

    @Test
    void marketplaceRefusingTheStoreDuringASync_stopsItAndFollowsTheStatusItReports() throws Exception {
        approvedStore();
        fx.golisto.disconnectByGolisto(fx.connectionId(STORE), "token revoked");
        fx.golisto.webhooks().discardPending();
        shop.put(simple("101", "Beanie, renamed", "18", null, 10));

        RunView run = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("not approved");
        assertThat(fx.engine.store(STORE).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(shop.webhookUrls()).isEmpty();
    }

    @Test
    void marketplaceAnswering401DuringASync_disconnectsTheStoreAndErasesItsSecrets() throws Exception {
        approvedStore();
        fx.golisto.faults().inject("POST", BATCH_PATH, Fault.status(401, null,
                GolistoEmulator.errorBody("invalid_token", "the token was revoked")), 1);
        shop.put(simple("101", "Beanie, renamed again", "18", null, 10));

        RunView run = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("rejected the store's credentials");
        StoreView store = fx.engine.store(STORE).orElseThrow();
        assertThat(store.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(store.shopCredentialsPresent()).isFalse();
        assertThat(shop.webhookUrls()).isEmpty();
    }

    @Test
    void scheduler_runsTheDailyFullPassInTheStoresJitteredSlot_andIncrementalPassesAndOrderPollsBetween()
            throws Exception {
        approvedStore();
        int ticks = 0;

        while (clock.instant().isBefore(Instant.parse("2026-12-01T04:10:00Z"))) {
            fx.advance(Duration.ofMinutes(30));
            ticks++;
        }

        List<RunView> runs = fx.engine.recentRuns(STORE, 500);
        List<RunView> fulls = runs.stream().filter(r -> r.kind() == RunKind.FULL).toList();
        assertThat(fulls).as("the approval's and the daily one").hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(fulls.get(0).startedAt()).isBetween(Instant.parse("2026-12-01T03:00:00Z"),
                Instant.parse("2026-12-01T04:30:00Z"));
        long incrementals = runs.stream().filter(r -> r.kind() == RunKind.INCREMENTAL).count();
        long orderPolls = runs.stream().filter(r -> r.kind() == RunKind.ORDERS).count();
        assertThat(incrementals).as("one per tick, except the tick of the daily pass").isEqualTo(ticks - 1);
        assertThat(orderPolls).as("polls that found no sale are counted, not listed").isZero();
        assertThat(fx.engine.store(STORE).orElseThrow().orderPolls().empty()).isEqualTo(ticks);
    }
}
