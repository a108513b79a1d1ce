package com.golisto.sync.core;

import static com.golisto.sync.core.ListingAssertions.assertListingEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog end to end: approval gate, full and incremental passes, webhooks, mark and sweep. */
class SyncEngineIT extends EngineTestBase {

    // ---- approval gate and first sync ----

    @Test
    void unapprovedStore_getsNoShopRequestsNoWebhooksAndNoRuns_untilApproved() throws Exception {
        StoreView connected = registerAndConnect();
        long connectRequests = shop.requests();

        for (int hour = 0; hour < 48; hour++) {
            fx.advance(Duration.ofHours(1));
        }
        assertThatThrownBy(() -> fx.engine.sync(STORE, SyncMode.FULL)).isInstanceOf(NotApprovedException.class);

        assertThat(connected.status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        assertThat(connectRequests).as("only reading the shop's currency and URL, for connecting").isEqualTo(2);
        assertThat(shop.requests()).isEqualTo(connectRequests);
        assertThat(shop.webhookUrls()).isEmpty();
        assertThat(fx.engine.recentRuns(STORE, 10)).isEmpty();
        assertThat(fx.golisto.listings(fx.connectionId(STORE))).isEmpty();
    }

    @Test
    void approval_registersWebhooksThenFullSyncListsEveryActiveProductFieldByField() throws Exception {
        registerAndConnect();

        RunView first = fx.approve(STORE);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.counts()).isEqualTo(new RunCounts(5, 4, 0, 0, 0, 0, first.counts().requests(), 1,
                java.util.Map.of("draft", 1L)));
        assertThat(first.counts().requests()).isGreaterThanOrEqualTo(3);
        assertThat(shop.webhookUrls()).containsExactly(fx.host.baseUri().resolve("/webhooks/testing-shop/" + STORE));
        assertCatalogEqualsShop();
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.StatusChanged.class,
                s -> assertThat(s.to()).isEqualTo(ConnectionStatus.APPROVED)));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.RunFinished.class,
                f -> assertThat(f.run().id()).isEqualTo(first.id())));
    }

    @Test
    void secondFullSync_withNothingChanged_writesNothing() throws Exception {
        approvedStore();
        long batches = fx.golisto.requests().count(BATCH);

        RunView second = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(second.counts().written()).isZero();
        assertThat(second.counts().unchanged()).isEqualTo(4);
        assertThat(second.counts().skipped()).as("the draft").isEqualTo(1);
        assertThat(fx.golisto.requests().count(BATCH)).isEqualTo(batches);
        assertThat(fx.golisto.requests().count(INVENTORY)).isZero();
    }

    // ---- webhooks ----

    @Test
    void webhookBurst_isCoalescedIntoOneShopReadAfterTheDebounce_andRepeatsAreHarmless() throws Exception {
        approvedStore();
        fx.advance(Duration.ofSeconds(1));
        shop.put(simple("101", "Beanie deluxe", "19.5", null, 10));
        long before = shop.requests();

        for (int i = 1; i <= 5; i++) {
            shop.sendProductWebhook("delivery-" + i, "101", "updated");
            fx.advance(Duration.ofMillis(400));
        }
        shop.sendProductWebhook("delivery-3", "101", "updated");
        fx.advance(Duration.ofMillis(1000));
        assertThat(shop.requests()).as("still inside the debounce").isEqualTo(before);
        fx.advance(Duration.ofMillis(1000));

        assertThat(shop.requests()).as("one re-read of the product").isEqualTo(before + 1);
        assertListingEquals(listing("101"), shop.product("101").orElseThrow());
        RunView webhookRun = fx.engine.recentRuns(STORE, 1).get(0);
        assertThat(webhookRun.kind()).isEqualTo(RunKind.WEBHOOK);
        assertThat(webhookRun.counts().updated()).isEqualTo(1);
    }

    @Test
    void repeatedDelivery_isIgnoredByTheEngine() throws Exception {
        approvedStore();
        String body = "{\"delivery\":\"d-1\",\"product\":\"101\",\"action\":\"updated\"}";
        String secret = shop.webhookSecret();
        var request = new com.golisto.sync.api.spi.InboundRequest("POST", "/webhooks/testing-shop/" + STORE, "",
                Map.of("X-Testing-Signature", List.of(TestingShop.sign(secret, body))), body.getBytes());

        assertThat(fx.engine.handleShopWebhook(STORE, request)).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(fx.engine.handleShopWebhook(STORE, request)).isInstanceOf(WebhookVerdict.Ignored.class);
        var forged = new com.golisto.sync.api.spi.InboundRequest("POST", "/webhooks/testing-shop/" + STORE, "",
                Map.of("X-Testing-Signature", List.of("AAAA")), body.getBytes());
        assertThat(fx.engine.handleShopWebhook(STORE, forged)).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void stockOnlyChange_takesTheInventoryPath() throws Exception {
        approvedStore();
        long batches = fx.golisto.requests().count(BATCH);
        shop.put(simple("104", "Belt", "30", null, 7));

        shop.sendProductWebhook("d-stock", "104", "updated");
        fx.advance(Duration.ofSeconds(3));

        assertThat(fx.golisto.requests().count(INVENTORY)).isEqualTo(1);
        assertThat(fx.golisto.requests().count(BATCH)).isEqualTo(batches);
        assertListingEquals(listing("104"), shop.product("104").orElseThrow());
    }

    @Test
    void productDraftedOrDeletedByWebhook_isRemovedFromTheMarketplace() throws Exception {
        approvedStore();
        shop.put(withStatus(shop.product("101").orElseThrow(), ProductStatus.DRAFT));
        shop.deletePermanently("104");

        shop.sendProductWebhook("d-a", "101", "updated");
        shop.sendProductWebhook("d-b", "104", "deleted");
        fx.advance(Duration.ofSeconds(3));

        assertThat(fx.golisto.listing(fx.connectionId(STORE), "101")).isEmpty();
        assertThat(fx.golisto.listing(fx.connectionId(STORE), "104")).isEmpty();
        assertCatalogEqualsShop();
    }

    @Test
    void changeWhoseWebhookWasLost_isCaughtByTheNextIncrementalPass() throws Exception {
        approvedStore();
        clock.advance(Duration.ofSeconds(1));
        shop.put(simple("102", "Cap, now blue", "16.5", "12.00", 4));
        shop.put(simple("105", "New gloves", "22", null, 9));

        fx.advance(Duration.ofMinutes(16));

        RunView incremental = fx.engine.recentRuns(STORE, 5).stream()
                .filter(r -> r.kind() == RunKind.INCREMENTAL).findFirst().orElseThrow();
        assertThat(incremental.counts().read()).isEqualTo(2);
        assertThat(incremental.counts().created()).isEqualTo(1);
        assertThat(incremental.counts().updated()).isEqualTo(1);
        assertCatalogEqualsShop();
    }

    // ---- dead letters ----

    @Test
    void productTheMarketplaceRefused_keepsItsDeadLetterWhileRefused_andALaterPassWritingItResolvesTheLetter()
            throws Exception {
        approvedStore();
        Product fine = simple("105", "Gloves", "22", null, 9);
        shop.put(new Product(fine.id(), fine.sku(), fine.title(), fine.descriptionHtml(), fine.shortDescriptionHtml(),
                fine.status(), com.golisto.sync.api.model.Money.of("22", "USD"), null, fine.stock(), fine.weight(),
                fine.images(), fine.categories(), fine.attributes(), fine.variants(), null));

        shop.sendProductWebhook("d-usd", "105", "created");
        fx.advance(Duration.ofSeconds(3));
        RunView refusedAgain = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(refusedAgain.counts().failed()).isEqualTo(1);
        assertThat(fx.engine.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.kind()).isEqualTo("PRODUCT");
            assertThat(letter.itemId()).isEqualTo("105");
            assertThat(letter.reason()).contains("currency");
            assertThat(letter.attempts()).isEqualTo(2);
        });

        shop.put(fine);
        shop.sendProductWebhook("d-eur", "105", "updated");
        fx.advance(Duration.ofSeconds(3));

        assertThat(fx.engine.deadLetters()).as("only what is still broken").isEmpty();
        assertListingEquals(listing("105"), fine);
        assertCatalogEqualsShop();
    }

    // ---- mark and sweep ----

    @Test
    void productDeletedWithoutWebhook_survivesAnAbortedFullPass_andIsSweptByTheNextCompleteOne() throws Exception {
        approvedStore();
        shop.deletePermanently("104");
        shop.pageSize(2);
        for (int i = 0; i < 6; i++) {
            shop.failNext("readAll.next", new RetryableException("503 on a later page", null));
        }

        RunView aborted = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(aborted.status()).isEqualTo(RunStatus.FAILED);
        assertThat(aborted.error()).contains("gave up after retries");
        assertThat(fx.golisto.listing(fx.connectionId(STORE), "104")).as("an aborted pass deletes nothing").isPresent();

        RunView complete = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(complete.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(complete.counts().deleted()).isEqualTo(1);
        assertThat(fx.golisto.listing(fx.connectionId(STORE), "104")).isEmpty();
        assertCatalogEqualsShop();
    }


    // ---- crashes and the background loop ----

    @ParameterizedTest
    @ValueSource(strings = {"apply.before", "apply.after"})
    void processKilledAroundACatalogBatch_restartEndsWithTheShopsCatalog(String point) throws Exception {
        approvedStore();
        shop.put(simple("101", "Beanie, reworked", "21", null, 4));
        shop.put(simple("106", "Brand new scarf", "25", null, 8));
        shop.deletePermanently("102");
        fx.marketplace.crashNext(point);

        RunId crashed = fx.engine.sync(STORE, SyncMode.FULL);
        assertThat(fx.marketplace.awaitCrash(Duration.ofSeconds(30))).isTrue();
        assertThat(fx.engine.run(crashed).orElseThrow().status()).as("the process died mid-run")
                .isEqualTo(RunStatus.RUNNING);
        fx.reopen();

        RunView after = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(after.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fx.engine.run(crashed).orElseThrow().status()).as("marked failed at restart")
                .isEqualTo(RunStatus.FAILED);
        assertCatalogEqualsShop();
        assertThat(fx.engine.syncAndWait(STORE, SyncMode.FULL).counts().written()).isZero();
    }

    @Test
    void backgroundLoop_onVirtualThreads_syncsWebhookMarkedProductsWithoutAnyCallFromTheHost() throws Exception {
        fx.close();
        fx = new EngineFixture(dir.resolve("loop"), clock, EngineFixture.defaultOptions()
                .withTiming(Duration.ofMillis(20), Duration.ofMinutes(10)), shop.provider());
        approvedStore();
        shop.put(simple("104", "Belt, longer", "31", null, 2));
        fx.engine.start();

        shop.sendProductWebhook("bg-1", "104", "updated");
        clock.advance(Duration.ofSeconds(3));

        RunView webhookRun = null;
        for (int i = 0; i < 500 && webhookRun == null; i++) {
            webhookRun = fx.engine.recentRuns(STORE, 5).stream()
                    .filter(r -> r.kind() == RunKind.WEBHOOK && r.finished()).findFirst().orElse(null);
            if (webhookRun == null) {
                Thread.onSpinWait();
                Thread.yield();
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
        }
        assertThat(webhookRun).as("the loop synced the product within 5 s").isNotNull();
        assertThat(webhookRun.counts().updated()).isEqualTo(1);
        assertListingEquals(listing("104"), shop.product("104").orElseThrow());
    }
}
