package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code webhooks} health check over the WooCommerce emulator and the real connector: when the host is
 * unreachable, WooCommerce disables the webhook after its 7th failed delivery in a row; the next incremental
 * pass re-activates it and the engine's health says the store's webhooks were disabled, until a later pass
 * finds them all delivering.
 */
class WooCommerceWebhookHealthIT {

    private static final String STORE = "woo-health";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    WooCommerceEmulator woo;
    EngineFixture fx;

    @BeforeEach
    void start() throws Exception {
        woo = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        woo.seedCatalog(new WooCatalogGenerator.Spec(5, 0, 1, 42));
        fx = new EngineFixture(dir, clock, EngineFixture.provider("woocommerce"));
        fx.approvedWooCommerceStore(STORE, woo);
    }

    @AfterEach
    void stop() {
        fx.close();
        woo.close();
    }

    @Test
    void webhooksDisabledByTheShopAfterFailedDeliveries_failTheCheckAfterTheNextPass_untilTheyDeliverAgain()
            throws Exception {
        long id = woo.merchant().createProduct("""
                {"name": "Health mug", "type": "simple", "status": "publish", "regular_price": "9.00"}
                """).path("id").asLong();
        woo.deliverWebhooksNow();
        fx.host.engine(null); // the host answers 503 to every delivery now
        for (int i = 0; i < 10 && !anyDisabled(); i++) {
            woo.merchant().rename(id, "Health mug " + i);
            woo.deliverWebhooksNow();
        }
        fx.host.engine(fx.engine);
        assertThat(anyDisabled()).as("WooCommerce disabled the webhook after repeated failures").isTrue();

        clock.advance(Duration.ofSeconds(5));
        EngineHealth beforePass = fx.engine.health();
        assertThat(fx.engine.syncAndWait(STORE, SyncMode.INCREMENTAL).status()).isEqualTo(RunStatus.SUCCEEDED);
        clock.advance(Duration.ofSeconds(5));
        EngineHealth afterPass = fx.engine.health();
        boolean reactivated = !anyDisabled();
        assertThat(fx.engine.syncAndWait(STORE, SyncMode.INCREMENTAL).status()).isEqualTo(RunStatus.SUCCEEDED);
        clock.advance(Duration.ofSeconds(5));
        EngineHealth nextPass = fx.engine.health();

        assertThat(beforePass.ready()).as("nothing checked the shop since approval").isTrue();
        assertThat(afterPass.failing()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(HealthCheck.WEBHOOKS);
            assertThat(c.storeId()).isEqualTo(STORE);
            assertThat(c.reason()).isEqualTo("store woo-health: the shop's webhooks are disabled or not delivering");
            assertThat(c.detail()).contains("had disabled 1 webhook").contains("/webhooks/woocommerce/" + STORE);
        });
        assertThat(reactivated).as("the pass re-activated it").isTrue();
        assertThat(nextPass.ready()).isTrue();
    }

    private boolean anyDisabled() {
        return woo.webhookIds().stream().anyMatch(h -> woo.webhookStatus(h).orElse("").equals("disabled"));
    }
}
