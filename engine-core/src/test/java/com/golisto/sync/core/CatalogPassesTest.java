package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full and incremental catalog passes, mark and sweep, and dead letters, on the fakes. */
class CatalogPassesTest {

    EngineHarness h;

    @BeforeEach
    void approvedStore() throws Exception {
        h = EngineHarness.create().seedCatalog();
        h.open();
        assertThat(h.approvedStore().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void firstFullSync_readsTheCatalogPageByPage_andListsTheWholeActiveCatalog() {
        assertThat(h.shop.faults().calls(FakeShop.Op.READ_ALL)).as("5 products, 3 per page").isEqualTo(2);
        assertThat(h.marketplace.listings(h.account(STORE))).hasSize(4);
        h.assertListingsMatchShop();
    }

    @Test
    void unchangedFullSync_sendsTheMarketplaceNothing() throws Exception {
        long batches = h.marketplace.faults().calls(FakeMarketplace.Op.APPLY);

        RunView second = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(second.counts().written()).isZero();
        assertThat(second.counts().unchanged()).isEqualTo(4);
        assertThat(second.counts().skippedReasons()).containsExactly(java.util.Map.entry("draft", 1L));
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY)).isEqualTo(batches);
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY_INVENTORY)).isZero();
    }

    @Test
    void incrementalPass_carriesTheChangesWhoseWebhooksWereLost() throws Exception {
        h.shop.put(Products.simple("102", "Cap, now blue", "16.5", "12.00", 4));
        h.shop.put(Products.simple("105", "New gloves", "22", null, 9));

        h.advance(Duration.ofMinutes(16));

        RunView incremental = h.runs(STORE, RunKind.INCREMENTAL).get(0);
        assertThat(incremental.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(incremental.counts().read()).isEqualTo(2);
        assertThat(incremental.counts().created()).isEqualTo(1);
        assertThat(incremental.counts().updated()).isEqualTo(1);
        h.assertListingsMatchShop();
        assertThat(h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL).counts().read()).as("the cursor moved").isZero();
    }

    @Test
    void stockOnlyChange_takesTheInventoryPath() throws Exception {
        long batches = h.marketplace.faults().calls(FakeMarketplace.Op.APPLY);
        h.shop.put(Products.simple("104", "Belt", "30", null, 7));

        RunView pass = h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);

        assertThat(pass.counts().updated()).isEqualTo(1);
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY_INVENTORY)).isEqualTo(1);
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY)).isEqualTo(batches);
        h.assertListingsMatchShop();
    }

    @Test
    void productDeletedInTheShopWithoutAWebhook_survivesAnAbortedFullPass_andIsSweptByTheNextCompleteOne()
            throws Exception {
        h.shop.deletePermanently("104");
        h.shop.pageSize(2);
        h.shop.faults().failNext(FakeShop.Op.READ_ALL, 7, () -> new RetryableException("503 on a page", null));

        RunView aborted = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(aborted.status()).isEqualTo(RunStatus.FAILED);
        assertThat(aborted.error()).contains("gave up after retries");
        assertThat(h.marketplace.listing(h.account(STORE), "104")).as("an aborted pass deletes nothing").isPresent();

        RunView complete = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(complete.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(complete.counts().deleted()).isEqualTo(1);
        assertThat(h.marketplace.listing(h.account(STORE), "104")).isEmpty();
        h.assertListingsMatchShop();
    }

    @Test
    void productTheMarketplaceRefuses_isDeadLettered_keptWhileRefused_andResolvedWhenALaterPassWritesIt()
            throws Exception {
        var fine = Products.simple("105", "Gloves", "22", null, 9);
        h.shop.put(Products.pricedIn(fine, "USD"));

        RunView refused = h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);
        RunView refusedAgain = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(refused.counts().failed()).isEqualTo(1);
        assertThat(refusedAgain.counts().failed()).isEqualTo(1);
        assertThat(h.engine().deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.kind()).isEqualTo("PRODUCT");
            assertThat(letter.itemId()).isEqualTo("105");
            assertThat(letter.reason()).contains("currency");
            assertThat(letter.attempts()).isEqualTo(2);
        });
        assertThat(h.events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(EngineEvent.ItemFailed.class,
                f -> assertThat(f.itemId()).isEqualTo("105")));

        h.shop.put(fine);
        h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);

        assertThat(h.engine().deadLetters()).as("only what is still broken").isEmpty();
        h.assertListingsMatchShop();
    }

    @Test
    void deadLetterReplay_reReadsTheProduct_andRemovesTheLetterOnceItGoesThrough() throws Exception {
        var fine = Products.simple("105", "Gloves", "22", null, 9);
        h.shop.put(Products.pricedIn(fine, "USD"));
        h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);
        long letter = h.engine().deadLetters().get(0).id();

        RunView stillRefused = h.engine().replayDeadLetter(letter);
        h.shop.put(fine);
        RunView replayed = h.engine().replayDeadLetter(letter);

        assertThat(stillRefused.kind()).isEqualTo(RunKind.REPLAY);
        assertThat(stillRefused.counts().failed()).isEqualTo(1);
        assertThat(replayed.counts().created()).isEqualTo(1);
        assertThat(h.engine().deadLetters()).isEmpty();
        h.assertListingsMatchShop();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void processKilledAroundACatalogBatch_restartEndsWithTheShopsCatalog(boolean afterTheBatchWasApplied)
            throws Exception {
        h.shop.put(Products.simple("101", "Beanie, reworked", "21", null, 4));
        h.shop.put(Products.simple("106", "Brand new scarf", "25", null, 8));
        h.shop.deletePermanently("102");
        if (afterTheBatchWasApplied) {
            h.marketplace.faults().crashNextAfter(FakeMarketplace.Op.APPLY);
        } else {
            h.marketplace.faults().crashNext(FakeMarketplace.Op.APPLY);
        }
        RunId run = h.engine().sync(STORE, SyncMode.FULL);
        assertThat(h.marketplace.faults().awaitCrash(30)).isTrue();
        assertThat(h.engine().run(run).orElseThrow().status()).as("the process died mid-run")
                .isEqualTo(RunStatus.RUNNING);
        h.reopen();

        RunView after = h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(after.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(h.engine().run(run).orElseThrow().status()).as("marked failed at restart")
                .isEqualTo(RunStatus.FAILED);
        h.assertListingsMatchShop();
        assertThat(h.engine().syncAndWait(STORE, SyncMode.FULL).counts().written()).isZero();
    }
}
