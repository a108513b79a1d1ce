package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.FakeMarketplace.SaleLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runs list stays readable and bounded: scheduled order polls that find nothing are counted, not
 * listed; hundreds of runs after the last full pass do not hide it at a restart; a stored run value this
 * version does not know does not break the list; the history sweep runs on the engine's clock.
 */
class RunHistoryBoundsTest {

    /** The default order-poll interval ({@link EngineOptions#defaults()}). */
    static final Duration POLL = EngineOptions.defaults().orderPollInterval();

    EngineHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    private void approvedStore(EngineOptions options) throws InterruptedException {
        h = EngineHarness.create(options).seedCatalog();
        h.open();
        h.approvedStore();
    }

    @Test
    void scheduledOrderPollsThatFindNothing_areCounted_notListedAsRuns() throws Exception {
        approvedStore(EngineHarness.defaultOptions());

        for (int i = 0; i < 5; i++) {
            h.advance(POLL);
        }
        Instant lastEmpty = h.clock.instant();

        assertThat(h.runs(STORE, RunKind.ORDERS)).isEmpty();
        assertThat(h.engine().store(STORE).orElseThrow().orderPolls()).isEqualTo(new PollCounts(5, lastEmpty, lastEmpty));

        String sale = h.marketplace.createSale(h.account(STORE), new SaleLine("101", null, 1));
        h.advance(POLL);

        assertThat(h.runs(STORE, RunKind.ORDERS)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.counts().created()).isOne();
        });
        assertThat(h.shop.orders()).extracting(o -> o.marketplaceOrderId()).containsExactly(sale);
        assertThat(h.engine().store(STORE).orElseThrow().orderPolls())
                .isEqualTo(new PollCounts(5, lastEmpty, h.clock.instant()));
    }

    @Test
    void failedScheduledPolls_andPollsTheHostAskedFor_stayRuns() throws Exception {
        approvedStore(EngineHarness.defaultOptions());
        h.marketplace.faults().failNext(FakeMarketplace.Op.READ_ORDERS, 1,
                () -> new InvalidItemException("broken_feed", "the order feed is broken"));

        h.advance(POLL);
        RunView asked = h.engine().pollOrders(STORE);

        List<RunView> polls = h.runs(STORE, RunKind.ORDERS);
        assertThat(polls).extracting(RunView::status).containsExactly(RunStatus.SUCCEEDED, RunStatus.FAILED);
        assertThat(polls.get(0).id()).isEqualTo(asked.id());
        assertThat(h.engine().store(STORE).orElseThrow().orderPolls().empty()).isZero();
    }

    @Test
    void restart_afterHundredsOfOrderRuns_doesNotStartAFullPass() throws Exception {
        approvedStore(EngineHarness.defaultOptions());
        StringBuilder rows = new StringBuilder();
        long at = h.clock.instant().toEpochMilli();
        for (int i = 1; i <= 250; i++) {
            rows.append(i == 1 ? "" : ", ").append("('" + STORE + "', 'ORDERS', 'SUCCEEDED', ")
                    .append(at + i * 1000L).append(", ").append(at + i * 1000L + 10).append(", 1)");
        }
        assertThat(h.execute("INSERT INTO sync_runs (store_id, kind, status, started_at, finished_at, created_count)"
                + " VALUES " + rows)).isEqualTo(250);
        h.clock.advance(Duration.ofMinutes(5));
        h.reopen();

        h.advance(Duration.ofSeconds(1));

        assertThat(h.runs(STORE, RunKind.FULL)).as("only the first pass, at approval").hasSize(1);
    }

    @Test
    void storedRunKindOrStatusThisVersionDoesNotKnow_stillListsTheStoresRuns() throws Exception {
        approvedStore(EngineHarness.defaultOptions());
        h.engine().pollOrders(STORE);
        assertThat(h.execute("UPDATE sync_runs SET kind = 'REPRICE' WHERE kind = 'FULL'")).isOne();
        assertThat(h.execute("UPDATE sync_runs SET status = 'PAUSED' WHERE kind = 'ORDERS'")).isOne();

        List<RunView> runs = h.engine().recentRuns(STORE, 10);

        assertThat(runs).extracting(RunView::kind).containsExactly(RunKind.ORDERS, RunKind.UNKNOWN);
        assertThat(runs).extracting(RunView::status).containsOnly(RunStatus.FAILED);
        assertThat(runs).extracting(RunView::error).containsExactly("unreadable stored status 'PAUSED'",
                "unreadable stored kind 'REPRICE'");
    }

    @Test
    void historySweep_onTheEnginesClock_deletesOldRuns_keepingTheNewestPerKindAndTheLastFullPass() throws Exception {
        EngineOptions.Retention retention = new EngineOptions.Retention(Duration.ofDays(1), 1, Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(1), Duration.ofHours(6), 2);
        approvedStore(EngineHarness.defaultOptions().withRetention(retention));
        RunView firstPass = h.engine().recentRuns(STORE, 1).get(0);
        List<RunId> polls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            polls.add(h.engine().pollOrders(STORE).id());
        }
        h.advance(Duration.ofMinutes(1)); // the first sweep: nothing is old yet

        assertThat(h.runs(STORE, RunKind.ORDERS)).hasSize(5);

        h.clock.advance(Duration.ofHours(25));
        h.engine().runDueWork();

        List<RunId> left = h.runs(STORE, RunKind.ORDERS).stream().map(RunView::id).toList();
        assertThat(left).containsExactly(polls.get(4));
        assertThat(h.runs(STORE, RunKind.FULL)).as("the daily pass of the day after is the newest full pass")
                .singleElement().satisfies(full -> assertThat(full.id()).isNotEqualTo(firstPass.id()));
    }
}
