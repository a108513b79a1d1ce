package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shop webhooks: verified, de-duplicated, debounced, and re-read with readMany, on the fakes. */
class ShopWebhooksTest {

    EngineHarness h;

    @BeforeEach
    void approvedStore() throws Exception {
        h = EngineHarness.create(EngineHarness.defaultOptions().withTiming(Duration.ofMillis(10), Duration.ofMinutes(10)))
                .seedCatalog();
        h.open();
        h.approvedStore();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private WebhookVerdict deliver(InboundRequest request) {
        return h.engine().handleShopWebhook(STORE, request);
    }

    @Test
    void webhookBurst_isCoalescedIntoOneIncrementalReadAfterTheDebounce() throws Exception {
        h.shop.put(Products.simple("101", "Beanie deluxe", "19.5", null, 10));
        long before = h.shop.faults().totalCalls();

        for (int i = 1; i <= 5; i++) {
            assertThat(deliver(h.shop.productWebhook("delivery-" + i, "101", "updated")))
                    .isInstanceOf(WebhookVerdict.Accepted.class);
            h.advance(Duration.ofMillis(400));
        }
        h.advance(Duration.ofMillis(1000));
        long insideTheDebounce = h.shop.faults().totalCalls();
        h.advance(Duration.ofMillis(1000));

        assertThat(insideTheDebounce).as("nothing read inside the debounce").isEqualTo(before);
        assertThat(h.shop.faults().totalCalls()).as("one re-read").isEqualTo(before + 1);
        assertThat(h.shop.faults().calls(FakeShop.Op.READ_CHANGED)).as("the changed products, read once").isEqualTo(1);
        assertThat(h.shop.faults().calls(FakeShop.Op.READ_MANY)).as("the pass saw the product").isZero();
        RunView webhookRun = h.engine().recentRuns(STORE, 1).get(0);
        assertThat(webhookRun.kind()).isEqualTo(RunKind.WEBHOOK);
        assertThat(webhookRun.counts().updated()).isEqualTo(1);
        h.assertListingsMatchShop();
    }

    @Test
    void webhooksForHundredsOfProductsTheChangedReadDoesNotShow_areReReadAHundredIdsPerShopCall() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String id = Integer.toString(3000 + i);
            ids.add(id);
            h.shop.putUnnoticed(Products.simple(id, "Mug " + i, "9", null, 5));
        }
        for (String id : ids) {
            deliver(h.shop.productWebhook("new-" + id, id, "created"));
        }

        h.advance(Duration.ofSeconds(3));

        assertThat(h.shop.faults().calls(FakeShop.Op.READ_MANY)).isEqualTo(2);
        assertThat(h.shop.faults().calls(FakeShop.Op.READ)).isZero();
        assertThat(h.runs(STORE, RunKind.WEBHOOK).get(0).counts().created()).isEqualTo(150);
        h.assertListingsMatchShop();
    }

    @Test
    void duplicateDelivery_isProcessedOnce() throws Exception {
        InboundRequest delivery = h.shop.productWebhook("d-1", "101", "updated");

        WebhookVerdict first = deliver(delivery);
        WebhookVerdict repeat = deliver(delivery);
        h.advance(Duration.ofSeconds(3));
        WebhookVerdict late = deliver(delivery);
        h.advance(Duration.ofSeconds(3));

        assertThat(first).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(repeat).isInstanceOf(WebhookVerdict.Ignored.class);
        assertThat(late).isInstanceOf(WebhookVerdict.Ignored.class);
        assertThat(h.runs(STORE, RunKind.WEBHOOK)).hasSize(1);
        assertThat(h.shop.faults().calls(FakeShop.Op.READ_MANY)).isEqualTo(1);
    }

    @Test
    void badSignature_isRefused_andMarksNothing() throws Exception {
        WebhookVerdict forged = deliver(h.shop.forgedWebhook("d-x", "101", "updated"));
        WebhookVerdict unsigned = deliver(new InboundRequest("POST", "/webhooks/fake-shop/" + STORE, "",
                java.util.Map.of(), "101".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        WebhookVerdict unknownStore = h.engine().handleShopWebhook("no-such-store",
                h.shop.productWebhook("d-y", "101", "updated"));
        long pending = h.engine().pendingWork();
        h.advance(Duration.ofSeconds(3));

        assertThat(forged).isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(unsigned).isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(unknownStore).isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(pending).isZero();
        assertThat(h.runs(STORE, RunKind.WEBHOOK)).isEmpty();
        assertThat(((WebhookVerdict.Rejected) forged).reason()).doesNotContain(h.shop.webhookUrls().toString());
    }

    @Test
    void productDraftedOrDeletedByWebhook_leavesTheMarketplace() throws Exception {
        h.shop.setStatus("101", ProductStatus.DRAFT);
        h.shop.deletePermanently("104");

        deliver(h.shop.productWebhook("d-a", "101", "updated"));
        deliver(h.shop.productWebhook("d-b", "104", "deleted"));
        h.advance(Duration.ofSeconds(3));

        assertThat(h.marketplace.listing(h.account(STORE), "101")).isEmpty();
        assertThat(h.marketplace.listing(h.account(STORE), "104")).isEmpty();
        assertThat(h.runs(STORE, RunKind.WEBHOOK).get(0).counts().deleted()).isEqualTo(2);
        h.assertListingsMatchShop();
    }

    @Test
    void webhookForAVariant_reReadsAndRelistsItsParentProduct() throws Exception {
        var hoodie = h.shop.product("200").orElseThrow();
        h.shop.put(Products.variable("200", "Hoodie, new season", 3));

        deliver(h.shop.productWebhook("d-v", "2002", "updated"));
        h.advance(Duration.ofSeconds(3));

        assertThat(hoodie.title()).isEqualTo("Hoodie");
        assertThat(h.marketplace.listing(h.account(STORE), "200").orElseThrow().product().title())
                .isEqualTo("Hoodie, new season");
        h.assertListingsMatchShop();
    }

    @Test
    void backgroundLoop_syncsWebhookMarkedProducts_withoutAnyCallFromTheHost() throws Exception {
        CountDownLatch synced = new CountDownLatch(1);
        h.engine().subscribe(e -> {
            if (e instanceof EngineEvent.RunFinished f && f.run().kind() == RunKind.WEBHOOK) {
                synced.countDown();
            }
        });
        h.shop.put(Products.simple("104", "Belt, longer", "31", null, 2));
        h.engine().start();

        deliver(h.shop.productWebhook("bg-1", "104", "updated"));
        h.clock.advance(Duration.ofSeconds(3));

        assertThat(synced.await(30, TimeUnit.SECONDS)).as("the loop synced the product").isTrue();
        assertThat(h.runs(STORE, RunKind.WEBHOOK).get(0).counts().updated()).isEqualTo(1);
        h.assertListingsMatchShop();
    }
}
