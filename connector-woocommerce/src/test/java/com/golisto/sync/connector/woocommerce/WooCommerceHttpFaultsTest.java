package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooCommerceHttpFaultsTest {

    private static final String PRODUCTS = "/wp-json/wc/v3/products";
    private WooFixture fx;
    private CatalogSource source;

    @BeforeEach
    void start() throws Exception {
        fx = WooFixture.withSampleCatalog(Map.of("request-timeout", "PT0.5S"));
        source = fx.connector.catalogSource().orElseThrow();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private void readsAgainAfterwards() throws InterruptedException {
        assertThat(source.readAll(null).items()).hasSize(18);
    }

    @Test
    void rateLimit429_isRetryableWithRetryAfter_thenRecovers() throws Exception {
        fx.emulator.faults().inject("GET", PRODUCTS, Fault.status(429, Duration.ofSeconds(7),
                "{\"code\":\"too_many_requests\",\"message\":\"Slow down\",\"data\":{\"status\":429}}"), 1);
        assertThatThrownBy(() -> source.readAll(null)).isInstanceOfSatisfying(RetryableException.class, e -> {
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
            assertThat(e.getMessage()).contains("429").contains("too_many_requests: Slow down");
        });
        readsAgainAfterwards();
    }

    @Test
    void serverErrors500And503_areRetryable() throws Exception {
        fx.emulator.faults().inject("GET", PRODUCTS, Fault.status(500), 1);
        assertThatThrownBy(() -> source.readAll(null)).isInstanceOf(RetryableException.class);
        fx.emulator.faults().inject("GET", PRODUCTS, Fault.status(503, Duration.ofSeconds(2), "<html>busy</html>"), 1);
        assertThatThrownBy(() -> source.readAll(null)).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2)));
        readsAgainAfterwards();
    }

    @Test
    void connectionReset_isRetryable() throws Exception {
        // java.net.http resends an idempotent request once on a closed connection: reset both attempts
        fx.emulator.faults().inject("GET", PRODUCTS, Fault.connectionReset(), 2);
        assertThatThrownBy(() -> source.readAll(null)).isInstanceOf(RetryableException.class)
                .hasMessageContaining("without a complete answer");
        readsAgainAfterwards();
    }

    @Test
    void truncatedBody_isRetryable() throws Exception {
        fx.emulator.faults().inject("GET", PRODUCTS, Fault.truncatedBody(), 1);
        assertThatThrownBy(() -> source.readAll(null)).isInstanceOf(RetryableException.class);
        readsAgainAfterwards();
    }

    @Test
    void latencyBeyondTheTimeout_isRetryable_latencyWithinItIsFine() throws Exception {
        fx.emulator.faults().inject("GET", PRODUCTS, Fault.latency(Duration.ofSeconds(2)), 1);
        assertThatThrownBy(() -> source.readAll(null)).isInstanceOf(RetryableException.class)
                .hasMessageContaining("timed out");
        fx.emulator.faults().inject("GET", PRODUCTS, Fault.latency(Duration.ofMillis(50)), 1);
        readsAgainAfterwards();
    }

    @Test
    void variationFailure_failsThePage() {
        fx.emulator.faults().inject("GET", PRODUCTS + "/45/variations", Fault.status(502), 1);
        assertThatThrownBy(() -> source.read("45")).isInstanceOf(RetryableException.class).hasMessageContaining("502");
    }

    @Test
    void nonJsonSuccess_isRetryable() {
        fx.emulator.faults().inject("GET", PRODUCTS + "/47", Fault.status(200, null, "<html>cache page</html>"), 1);
        assertThatThrownBy(() -> source.read("47")).isInstanceOf(RetryableException.class).hasMessageContaining("not JSON");
    }

    @Test
    void forbidden403FromAFirewall_isCredentialsRejected() {
        fx.emulator.faults().inject("GET", PRODUCTS + "/47", Fault.status(403), 1);
        assertThatThrownBy(() -> source.read("47")).isInstanceOf(CredentialsRejectedException.class);
    }

    @Test
    void redirectToAnotherUrl_isReportedAsASettingsProblem() throws Exception {
        try (EmulatorServer redirecting = new EmulatorServer() {
            @Override
            protected EmulatorResponse handle(EmulatorRequest request) {
                return EmulatorResponse.empty(301).withHeader("Location", "https://www.shop.example" + request.path()
                        + "?" + request.rawQuery());
            }
        }) {
            redirecting.start();
            WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();
            var connector = provider.open(provider.descriptor().validate(Map.of("url", redirecting.baseUri().toString(),
                    "consumer-key", "ck_x", "consumer-secret", "cs_y")), TestingContext.of(fx.clock));
            assertThatThrownBy(() -> connector.catalogSource().orElseThrow().read("47"))
                    .isInstanceOf(CredentialsRejectedException.class)
                    .hasMessageContaining("redirects to https://www.shop.example/wp-json/wc/v3/")
                    .hasMessageNotContaining("oauth_signature");
            connector.close();
        }
    }

    @Test
    void badRequest_isInvalidItemWithWooCommercesCodeAndMessage() {
        var orders = fx.connector.orderTarget().orElseThrow();
        assertThatThrownBy(() -> orders.create(WooCommerceOrderWriterTest.order("GO-X", "999999", null,
                com.golisto.sync.api.model.OrderStatus.PAID)))
                .isInstanceOfSatisfying(InvalidItemException.class, e -> {
                    assertThat(e.code()).isEqualTo("woocommerce_rest_invalid_product_id");
                    assertThat(e.getMessage()).contains("Invalid product ID.").contains("(data.status 400)");
                });
    }

    @Test
    void concurrencyTowardTheStore_isBounded() throws Exception {
        CountingHttpClient counting = new CountingHttpClient();
        Map<String, String> settings = new HashMap<>(Map.of("max-concurrency", "3", "page-size", "10"));
        try (WooFixture slow = new WooFixture(WooCommerceEmulator.builder().webhookDelivery(false), settings,
                new TestingContext(fx.clock, counting))) {
            slow.emulator.seedCatalog(new com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator.Spec(20, 12, 2, 3));
            slow.emulator.faults().inject("GET", PRODUCTS + "/\\d+/variations", Fault.latency(Duration.ofMillis(150)), 12);
            List<Product> page = slow.connector.catalogSource().orElseThrow().readAll(null).items();
            assertThat(page).hasSize(10);
            assertThat(counting.maxInFlight()).isEqualTo(3);
        }
    }

    @Test
    void everyAttemptIsSignedAnew_withAFreshNonce() throws Exception {
        CopyOnWriteArrayList<String> queries = new CopyOnWriteArrayList<>();
        try (EmulatorServer unavailable = new EmulatorServer() {
            @Override
            protected EmulatorResponse handle(EmulatorRequest request) {
                queries.add(request.queryParam("oauth_nonce").orElse("") + "|" + request.queryParam("oauth_signature").orElse(""));
                return EmulatorResponse.empty(503);
            }
        }) {
            unavailable.start();
            WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();
            var connector = provider.open(provider.descriptor().validate(Map.of("url", unavailable.baseUri().toString(),
                    "consumer-key", "ck_x", "consumer-secret", "cs_y")), TestingContext.of(fx.clock));
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> connector.catalogSource().orElseThrow().read("47"))
                        .isInstanceOf(RetryableException.class);
            }
            assertThat(queries).hasSize(3).doesNotHaveDuplicates();
            assertThat(queries).allSatisfy(q -> assertThat(q).doesNotStartWith("|"));
            connector.close();
        }
    }
}
