package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeShop;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SyncEngine#health()}: each check passes when all is well and fails for its own cause, naming the store. */
class EngineHealthTest {

    private static final String STORE = EngineHarness.STORE;

    private final EngineHarness h = EngineHarness.create().seedCatalog();
    private SyncEngine engine;

    @BeforeEach
    void open() throws InterruptedException {
        engine = h.open();
        h.approvedStore();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void health_allWell_everyCheckPassesForTheApprovedStore() {
        EngineHealth health = engine.health();

        assertThat(health.ready()).isTrue();
        assertThat(health.failing()).isEmpty();
        assertThat(health.checks()).extracting(HealthCheck::name, HealthCheck::storeId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HealthCheck.STATE_STORE, null),
                org.assertj.core.groups.Tuple.tuple(HealthCheck.PASSES, STORE),
                org.assertj.core.groups.Tuple.tuple(HealthCheck.WEBHOOKS, STORE),
                org.assertj.core.groups.Tuple.tuple(HealthCheck.ORDER_POLLS, STORE));
        assertThat(check(health, HealthCheck.WEBHOOKS).reason()).contains(STORE).contains("delivering");
    }

    @Test
    void stateStore_databaseRefusesTheWrite_failsAfterTheCachedAnswerExpires() {
        assertThat(engine.health().ready()).isTrue();
        h.execute("SET TABLE health_probes READ ONLY");

        EngineHealth cached = engine.health();
        h.clock.advance(HealthPolicy.defaults().cacheFor());
        EngineHealth probed = engine.health();

        assertThat(cached.ready()).as("within the cache time the probe does not run again").isTrue();
        assertThat(probed.ready()).isFalse();
        assertThat(probed.failing()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(HealthCheck.STATE_STORE);
            assertThat(c.reason()).isEqualTo("the state store cannot write");
            assertThat(c.detail()).contains("read only").doesNotContain("statement:");
        });
    }

    @Test
    void passes_lastThreeFailed_failsNamingTheStoreAndTheError_untilOneSucceeds() throws InterruptedException {
        h.shop.faults().failNext(FakeShop.Op.READ_ALL, 3 * 6, () -> new RetryableException("503 from the shop", null));
        for (int i = 0; i < 2; i++) {
            assertThat(engine.syncAndWait(STORE, SyncMode.FULL).status()).isEqualTo(RunStatus.FAILED);
        }
        h.clock.advance(Duration.ofMinutes(1));
        EngineHealth twoFailed = engine.health();
        assertThat(engine.syncAndWait(STORE, SyncMode.FULL).status()).isEqualTo(RunStatus.FAILED);
        h.clock.advance(Duration.ofMinutes(1));
        EngineHealth threeFailed = engine.health();
        assertThat(engine.syncAndWait(STORE, SyncMode.FULL).status()).isEqualTo(RunStatus.SUCCEEDED);
        h.clock.advance(Duration.ofMinutes(1));
        EngineHealth recovered = engine.health();

        assertThat(check(twoFailed, HealthCheck.PASSES).passing()).isTrue();
        assertThat(threeFailed.ready()).isFalse();
        assertThat(threeFailed.failing()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(HealthCheck.PASSES);
            assertThat(c.storeId()).isEqualTo(STORE);
            assertThat(c.reason()).isEqualTo("store shop-1: its last 3 catalog passes failed");
            assertThat(c.detail()).contains("503 from the shop");
        });
        assertThat(recovered.ready()).isTrue();
    }

    @Test
    void webhooks_shopDisabledThem_failsAfterTheNextIncrementalPass_passesOnceTheyDeliverAgain()
            throws InterruptedException {
        h.shop.disableWebhooks();
        engine.syncAndWait(STORE, SyncMode.INCREMENTAL);
        h.clock.advance(Duration.ofMinutes(1));
        EngineHealth disabled = engine.health();
        engine.syncAndWait(STORE, SyncMode.INCREMENTAL);
        h.clock.advance(Duration.ofMinutes(1));
        EngineHealth delivering = engine.health();

        assertThat(disabled.failing()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(HealthCheck.WEBHOOKS);
            assertThat(c.storeId()).isEqualTo(STORE);
            assertThat(c.reason()).contains("store shop-1").contains("disabled");
            assertThat(c.detail()).contains("had disabled 1 webhook").contains("after failed deliveries");
        });
        assertThat(delivering.ready()).isTrue();
        assertThat(h.shop.faults().calls(FakeShop.Op.ENSURE_WEBHOOKS)).as("the check rides on the passes").isEqualTo(3);
    }

    @Test
    void orderPolls_noSuccessfulPollBeyondTenIntervals_fails_aPollClearsIt() throws InterruptedException {
        Duration lag = EngineHarness.defaultOptions().orderPollInterval().multipliedBy(10);
        engine.pollOrders(STORE);
        h.clock.advance(lag);
        EngineHealth atTheLimit = engine.health();
        h.clock.advance(HealthPolicy.defaults().cacheFor());
        EngineHealth beyond = engine.health();
        engine.pollOrders(STORE);
        h.clock.advance(Duration.ofSeconds(5));
        EngineHealth polled = engine.health();

        assertThat(atTheLimit.ready()).isTrue();
        assertThat(beyond.failing()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(HealthCheck.ORDER_POLLS);
            assertThat(c.reason()).isEqualTo("store shop-1: no successful order poll for 20 minutes (allowed 20 minutes)");
        });
        assertThat(polled.ready()).isTrue();
    }

    @Test
    void orderPolls_failingPollsDoNotCount() throws InterruptedException {
        engine.pollOrders(STORE);
        h.clock.advance(Duration.ofMinutes(19));
        h.marketplace.faults().failNext(com.golisto.sync.core.testing.FakeMarketplace.Op.READ_ORDERS, 6,
                () -> new RetryableException("502 from the marketplace", null));
        RunView failed = engine.pollOrders(STORE);
        h.clock.advance(Duration.ofMinutes(2));

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(check(engine.health(), HealthCheck.ORDER_POLLS).passing()).isFalse();
    }

    @Test
    void closedEngine_answersOneFailingCheck_withoutThrowing() {
        engine.close();

        EngineHealth health = engine.health();

        assertThat(health.ready()).isFalse();
        assertThat(health.failing()).extracting(HealthCheck::reason).containsExactly("the engine is closed");
    }

    private static HealthCheck check(EngineHealth health, String name) {
        Optional<HealthCheck> found = health.checks().stream().filter(c -> c.name().equals(name)).findFirst();
        return found.orElseThrow();
    }
}
