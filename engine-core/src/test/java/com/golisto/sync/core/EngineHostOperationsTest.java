package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Faults;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a host needs to operate the engine: the queue depth, a health check, master-key rotation. */
class EngineHostOperationsTest {

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
    void pendingWork_countsDirtyProductsAndQueuedOrRunningRuns_untilTheyAreDone() throws Exception {
        h.approvedStore();
        assertThat(h.engine().pendingWork()).isZero();
        Faults.Gate reading = h.shop.faults().hold(FakeShop.Op.READ_ALL);

        RunId running = h.engine().sync(STORE, SyncMode.FULL);
        assertThat(reading.awaitEntered(30)).as("the full pass is reading the shop").isTrue();
        RunId queued = h.engine().sync(STORE, SyncMode.INCREMENTAL);
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("p-1", "101", "updated"));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("p-2", "104", "updated"));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("p-3", "101", "updated"));
        long busy = h.engine().pendingWork();
        reading.release();
        h.engine().awaitRun(running, Duration.ofSeconds(30));
        h.engine().awaitRun(queued, Duration.ofSeconds(30));
        long afterRuns = h.engine().pendingWork();
        h.advance(Duration.ofSeconds(3));

        assertThat(busy).as("a running and a queued pass, two dirty products").isEqualTo(4);
        assertThat(afterRuns).as("the products are still inside their debounce").isEqualTo(2);
        assertThat(h.engine().pendingWork()).isZero();
        assertThat(h.engine().recentRuns(STORE, 1).get(0).kind()).isEqualTo(RunKind.WEBHOOK);
    }

    @Test
    void healthy_whileOpen_andNotOnceClosed() {
        assertThat(h.engine().healthy()).isTrue();

        h.closeEngine();

        assertThat(h.engine().healthy()).isFalse();
    }

    @Test
    void rotatingTheMasterKey_reencryptSecretsWithThePreviousKey_makesTheStoresSecretsReadableAgain()
            throws Exception {
        h.register(STORE);
        h.connect(STORE);
        MasterKey previous = h.key();
        h.closeEngine();
        h.open(MasterKey.generate());
        boolean readableBefore = h.engine().store(STORE).orElseThrow().shopCredentialsPresent();

        int resealed = h.engine().reencryptSecrets(previous);

        assertThat(readableBefore).as("sealed under the previous key").isFalse();
        assertThat(resealed).as("the shop secret, the webhook secret, the marketplace token").isEqualTo(3);
        assertThat(h.engine().store(STORE).orElseThrow().shopCredentialsPresent()).isTrue();
        assertThat(h.approve(STORE).status()).as("the marketplace token works again").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(h.engine().reencryptSecrets(previous)).as("nothing left under the previous key").isZero();
        h.assertListingsMatchShop();
    }
}
