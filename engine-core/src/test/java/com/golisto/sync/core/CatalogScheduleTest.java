package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Listing;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Products;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of the default catalog schedule, on the fakes and the engine's clock: a change seen by a webhook
 * within the debounce plus one pass (later ones within the batch window), a change without a webhook within one
 * incremental interval, a permanent deletion within 24 hours, drift no timestamp reveals within the 7-day deep check;
 * and the daily pass reads whole only what changed plus the day's slice.
 */
class CatalogScheduleTest {

    private static final int CATALOG = 70;

    EngineHarness h;

    @BeforeEach
    void approvedStoreWithACatalog() throws Exception {
        h = EngineHarness.create(EngineHarness.defaultOptions().withCatalogSchedule(EngineOptions.CatalogSchedule.defaults()));
        for (int i = 0; i < CATALOG; i++) {
            h.shop.put(Products.simple(id(i), "Mug " + i, "10", null, 5));
        }
        h.shop.pageSize(20);
        h.open();
        h.approvedStore();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aChangeWithoutAWebhook_isListedWithinOneIncrementalInterval() throws Exception {
        h.shop.put(Products.simple(id(3), "Mug 3, new price", "12", null, 5));

        h.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(price(id(3))).as("before the interval ends").isEqualByComparingTo("10");
        h.advance(Duration.ofSeconds(1));

        assertThat(price(id(3))).isEqualByComparingTo("12");
        h.assertListingsMatchShop();
    }

    @Test
    void aWebhookChange_isListedAfterTheDebounce_andTheNextOnesWaitForTheBatchWindowTogether() throws Exception {
        h.shop.put(Products.simple(id(1), "Mug 1", "11", null, 5));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-1", id(1), "updated"));
        h.advance(Duration.ofSeconds(3));
        assertThat(price(id(1))).as("debounce plus one pass").isEqualByComparingTo("11");

        h.advance(Duration.ofMinutes(1));
        h.shop.put(Products.simple(id(2), "Mug 2", "13", null, 5));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-2", id(2), "updated"));
        h.advance(Duration.ofMinutes(2));
        h.shop.put(Products.simple(id(4), "Mug 4", "14", null, 5));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-3", id(4), "updated"));
        h.advance(Duration.ofSeconds(3));
        assertThat(price(id(2))).as("inside the batch window").isEqualByComparingTo("10");
        int webhookPasses = h.runs(STORE, RunKind.WEBHOOK).size();

        h.advance(Duration.ofMinutes(10));

        assertThat(price(id(2))).isEqualByComparingTo("13");
        assertThat(price(id(4))).isEqualByComparingTo("14");
        assertThat(h.runs(STORE, RunKind.WEBHOOK)).as("one pass for the window's two webhooks").hasSize(webhookPasses + 1);
        assertThat(h.runs(STORE, RunKind.INCREMENTAL)).as("the webhook passes stood for the scheduled ones").isEmpty();
    }

    @Test
    void aWebhookPass_alsoCarriesTheChangesWhoseWebhooksWereLost() throws Exception {
        h.shop.put(Products.simple(id(5), "Mug 5", "15", null, 5));
        h.shop.put(Products.simple(id(6), "Mug 6", "16", null, 5));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-1", id(5), "updated"));

        h.advance(Duration.ofSeconds(3));

        assertThat(price(id(6))).as("no webhook came for it").isEqualByComparingTo("16");
    }

    @Test
    void aProductDeletedForGood_leavesTheMarketplaceWithin24Hours() throws Exception {
        h.shop.deletePermanently(id(7));

        for (int quarter = 0; quarter < 96; quarter++) {
            h.advance(Duration.ofMinutes(15));
        }

        assertThat(listing(id(7))).isEmpty();
        h.assertListingsMatchShop();
    }

    @Test
    void theDailyPass_readsWholeOnlyTheChangedProductsAndTheDaysDeepCheckSlice() throws Exception {
        h.shop.put(Products.simple(id(10), "Mug 10", "20", null, 5));
        long before = h.shop.wholeReads();

        h.advance(Duration.ofHours(24));

        long read = h.shop.wholeReads() - before;
        assertThat(h.runs(STORE, RunKind.FULL)).hasSizeGreaterThan(1);
        assertThat(read).as("the changed product and about a seventh of %d", CATALOG).isBetween(1L, (long) CATALOG / 3);
        assertThat(price(id(10))).isEqualByComparingTo("20");
        h.assertListingsMatchShop();
    }

    @Test
    void driftNoTimestampReveals_isRepairedByTheRollingDeepCheckWithinSevenDays() throws Exception {
        List<String> drifted = new ArrayList<>();
        for (int i = 20; i < 40; i++) {
            String id = id(i);
            drifted.add(id);
            h.shop.putUnnoticed(Products.simple(id, "Mug " + i, "30", null, 5));
        }
        List<Integer> repairedPerDay = new ArrayList<>();

        for (int day = 0; day < 7; day++) {
            h.advance(Duration.ofHours(24));
            repairedPerDay.add((int) drifted.stream().filter(id -> price(id).compareTo(new BigDecimal("30")) == 0).count());
        }

        assertThat(repairedPerDay.get(6)).as("every drifted product within 7 days").isEqualTo(drifted.size());
        assertThat(repairedPerDay.get(0)).as("a slice a day, not one big pass").isLessThan(drifted.size());
        h.assertListingsMatchShop();
    }

    @Test
    void aPassWithAPriceAndAStockChange_sendsOneMarketplaceRequest_theStockRidingInTheCatalogBatch() throws Exception {
        h.shop.put(Products.simple(id(8), "Mug 8", "18", null, 5));
        h.shop.put(Products.simple(id(9), "Mug 9", "10", null, 9));
        long batches = h.marketplace.faults().calls(FakeMarketplace.Op.APPLY);
        long inventory = h.marketplace.faults().calls(FakeMarketplace.Op.APPLY_INVENTORY);

        h.advance(Duration.ofMinutes(15));

        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY) - batches).isEqualTo(1);
        assertThat(h.marketplace.faults().calls(FakeMarketplace.Op.APPLY_INVENTORY) - inventory).isZero();
        h.assertListingsMatchShop();
    }

    @Test
    void scheduledIncrementalPasses_checkTheShopsWebhooksAtMostHourly_andAPassAskedForAlways() throws Exception {
        long before = h.shop.faults().calls(FakeShop.Op.ENSURE_WEBHOOKS);

        for (int quarter = 0; quarter < 8; quarter++) {
            h.advance(Duration.ofMinutes(15));
        }
        long scheduled = h.shop.faults().calls(FakeShop.Op.ENSURE_WEBHOOKS) - before;
        h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);

        assertThat(h.runs(STORE, RunKind.INCREMENTAL)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(scheduled).as("two hours of scheduled passes").isEqualTo(2);
        assertThat(h.shop.faults().calls(FakeShop.Op.ENSURE_WEBHOOKS) - before).isEqualTo(3);
    }

    @Test
    void aFullPassAskedFor_readsEveryProductWhole() throws Exception {
        long before = h.shop.wholeReads();

        h.engine().syncAndWait(STORE, SyncMode.FULL);

        assertThat(h.shop.wholeReads() - before).isEqualTo(CATALOG);
        assertThat(h.shop.faults().calls(FakeShop.Op.READ)).isZero();
    }

    /**
     * Product ids 250 apart, so that the catalog spans many blocks of the deep check's slices (consecutive numeric
     * ids share a day) as a real catalog does.
     */
    private static String id(int i) {
        return Long.toString(1000 + 250L * i);
    }

    private BigDecimal price(String id) {
        return listing(id).orElseThrow().product().price().amount();
    }

    private Optional<Listing> listing(String id) {
        return h.marketplace.listings(h.account(STORE)).stream().filter(l -> l.product().id().equals(id)).findFirst();
    }

}
