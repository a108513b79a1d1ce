package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a host needs to operate the engine: the queue depth, a health check, master-key rotation. */
class EngineOperationsIT extends EngineTestBase {

    @Test
    void pendingWork_countsDirtyProductsAndQueuedOrRunningRuns_untilTheyAreDone() throws Exception {
        approvedStore();
        assertThat(fx.engine.pendingWork()).isZero();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        shop.onNext("readAll", () -> {
            reading.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        RunId running = fx.engine.sync(STORE, SyncMode.FULL);
        assertThat(reading.await(30, TimeUnit.SECONDS)).as("the full pass is reading the shop").isTrue();
        RunId queued = fx.engine.sync(STORE, SyncMode.INCREMENTAL);
        shop.sendProductWebhook("p-1", "101", "updated");
        shop.sendProductWebhook("p-2", "104", "updated");
        shop.sendProductWebhook("p-3", "101", "updated");
        long busy = fx.engine.pendingWork();
        release.countDown();
        fx.engine.awaitRun(running, Duration.ofSeconds(30));
        fx.engine.awaitRun(queued, Duration.ofSeconds(30));
        long afterRuns = fx.engine.pendingWork();
        fx.advance(Duration.ofSeconds(3));

        assertThat(busy).as("a running and a queued pass, two dirty products").isEqualTo(4);
        assertThat(afterRuns).as("the products are still inside their debounce").isEqualTo(2);
        assertThat(fx.engine.pendingWork()).isZero();
        assertThat(fx.engine.recentRuns(STORE, 1).get(0).kind()).isEqualTo(RunKind.WEBHOOK);
    }

    @Test
    void healthy_whileOpen_andNotOnceClosed() {
        assertThat(fx.engine.healthy()).isTrue();

        fx.closeEngine();

        assertThat(fx.engine.healthy()).isFalse();
    }

    @Test
    void rotatingTheMasterKey_reencryptSecretsWithThePreviousKey_makesTheStoresSecretsReadableAgain()
            throws Exception {
        registerAndConnect();
        MasterKey previous = fx.key;
        fx.closeEngine();
        fx.open(MasterKey.generate());
        boolean readableBefore = fx.engine.store(STORE).orElseThrow().shopCredentialsPresent();

        int resealed = fx.engine.reencryptSecrets(previous);

        assertThat(readableBefore).as("sealed under the previous key").isFalse();
        assertThat(resealed).as("the shop secret, the webhook secret, the marketplace token").isEqualTo(3);
        assertThat(fx.engine.store(STORE).orElseThrow().shopCredentialsPresent()).isTrue();
        assertThat(fx.approve(STORE).status()).as("the marketplace token works again").isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fx.engine.reencryptSecrets(previous)).as("nothing left under the previous key").isZero();
        assertCatalogEqualsShop();
    }
}
