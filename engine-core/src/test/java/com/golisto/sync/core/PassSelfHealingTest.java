package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace;
import com.golisto.sync.core.testing.FakeShop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Passes heal by themselves: a failed one (the first after approval included) is retried by the schedule
 * within the first backoff, and one interrupted by a stopped process runs again after the restart,
 * resuming after its last written page.
 */
class PassSelfHealingTest {

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
    void aFirstFullSyncFailingWhileTheMarketplaceIsDown_isRetriedWithinAMinute_withNoOperatorAction()
            throws Exception {
        h.register(STORE);
        h.connect(STORE);
        h.marketplace.faults().failNext(FakeMarketplace.Op.APPLY, 6, () -> new RetryableException("503", null));

        RunView first = h.approve(STORE);
        Instant failedAt = h.clock.instant();
        assertThat(first.status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.marketplace.listings(h.account(STORE))).isEmpty();

        h.advance(Duration.ofMinutes(1));

        List<RunView> fulls = h.runs(STORE, RunKind.FULL);
        assertThat(fulls).hasSize(2);
        assertThat(fulls.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fulls.get(0).startedAt()).isBetween(failedAt, failedAt.plus(Duration.ofMinutes(1)));
        h.assertListingsMatchShop();
    }

    @Test
    void aFullPassKilledMidway_runsAgainAfterTheRestart_fromThePageAfterItsCheckpoint() throws Exception {
        h.shop.pageSize(2);
        h.marketplace.batchSize(2);
        assertThat(h.approvedStore().status()).isEqualTo(RunStatus.SUCCEEDED);
        h.shop.faults().hold(FakeShop.Op.READ_ALL).release();
        h.shop.faults().hold(FakeShop.Op.READ_ALL).release();
        h.shop.faults().crashNext(FakeShop.Op.READ_ALL);

        h.engine().sync(STORE, SyncMode.FULL);
        assertThat(h.shop.faults().awaitCrash(10)).isTrue();
        h.reopen();
        long readsBefore = h.shop.faults().calls(FakeShop.Op.READ_ALL);
        h.shop.put(com.golisto.sync.core.testing.Products.simple("105", "Scarf", "12", null, 4));

        h.advance(Duration.ofSeconds(1));

        List<RunView> fulls = h.runs(STORE, RunKind.FULL);
        assertThat(fulls.get(1).status()).as("the killed pass").isEqualTo(RunStatus.FAILED);
        assertThat(fulls.get(0).status()).as("run again at the first tick").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(h.shop.faults().calls(FakeShop.Op.READ_ALL) - readsBefore)
                .as("only the page the killed pass had not done").isEqualTo(1);
        h.assertListingsMatchShop();
    }

}
