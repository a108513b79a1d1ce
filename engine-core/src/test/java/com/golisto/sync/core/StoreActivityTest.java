package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Faults;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SyncEngine#activity}: a running pass's progress, the next slots, listing and ledger counts, webhooks. */
class StoreActivityTest {

    EngineHarness h;
    RunView first;

    @BeforeEach
    void approvedStore() throws Exception {
        h = EngineHarness.create(EngineHarness.defaultOptions().withTiming(Duration.ofSeconds(2), Duration.ofMinutes(10)))
                .seedCatalog();
        h.open();
        first = h.approvedStore();
    }

    @AfterEach
    void close() {
        h.close();
    }

    private StoreActivity activity() {
        return h.engine().activity(STORE).orElseThrow();
    }

    @Test
    void aRunningFullPass_showsItsPagesItemsRateAndEta_fromTheLastFullPassesTotal() throws Exception {
        h.shop.pageSize(2);
        h.shop.faults().hold(FakeShop.Op.READ_ALL).release(); // the first page passes
        Faults.Gate second = h.shop.faults().hold(FakeShop.Op.READ_ALL);
        RunId run = h.engine().sync(STORE, SyncMode.FULL);
        assertThat(second.awaitEntered(30)).as("the pass read its first page and waits for the second").isTrue();
        h.clock.advance(Duration.ofSeconds(4));

        RunProgress p = activity().running();
        second.release();
        RunView done = h.engine().awaitRun(run, Duration.ofSeconds(30));

        assertThat(p).isNotNull();
        assertThat(p.runId()).isEqualTo(run);
        assertThat(p.kind()).isEqualTo(RunKind.FULL);
        assertThat(p.pages()).isEqualTo(1);
        assertThat(p.items()).isEqualTo(2);
        assertThat(p.expectedItems()).isEqualTo(first.counts().read());
        assertThat(p.itemsPerSecond()).hasValue(0.5);
        assertThat(p.eta()).hasValue(p.at().plusSeconds(2 * (first.counts().read() - 2)));
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(activity().running()).as("nothing runs once it finished").isNull();
    }

    @Test
    void afterAFullPass_nextSlotsAreAhead_andListingsMatchTheLedger() {
        StoreActivity a = activity();

        assertThat(a.nextFull()).isAfter(a.at());
        assertThat(a.nextIncremental()).isAfter(a.at());
        assertThat(a.listings()).isPositive().isEqualTo(a.outcome("listed"));
        assertThat(a.outcome("skipped")).as("the draft scarf").isEqualTo(1);
        assertThat(a.ledgerProducts()).isEqualTo(a.listings() + 1);
    }

    @Test
    void shopDeliveries_areCountedForTheLastHour_andTheLastOneRemembered() {
        Instant at = h.clock.instant();
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-1", "101", "updated"));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-2", "104", "updated"));

        WebhookHealth now = activity().webhooks();
        h.clock.advance(Duration.ofHours(2));
        WebhookHealth later = activity().webhooks();

        assertThat(now.deliveriesLastHour()).isEqualTo(2);
        assertThat(now.lastDelivery()).isEqualTo(at);
        assertThat(later.deliveriesLastHour()).isZero();
        assertThat(later.lastDelivery()).isEqualTo(at);
    }

    @Test
    void anUnknownStore_hasNoActivity() {
        assertThat(h.engine().activity("ghost-shop")).isEmpty();
    }

    @Test
    void progressWithoutTimeOrTotal_hasNoRateOrEta() {
        Instant t = Instant.parse("2026-12-04T12:00:00Z");
        RunProgress none = new RunProgress(new RunId(1), RunKind.INCREMENTAL, t, t, 1, 5, null);
        RunProgress noTotal = new RunProgress(new RunId(1), RunKind.INCREMENTAL, t, t.plusSeconds(5), 1, 5, null);

        assertThat(none.itemsPerSecond()).isEmpty();
        assertThat(noTotal.itemsPerSecond()).hasValue(1.0);
        assertThat(noTotal.eta()).isEmpty();
    }
}
