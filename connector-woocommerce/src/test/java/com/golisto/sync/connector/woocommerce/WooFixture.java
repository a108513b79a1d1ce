package com.golisto.sync.connector.woocommerce;

import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A WooCommerce emulator on loopback and a connector opened against it over real HTTP, as the engine
 * would open it (through the provider and validated settings).
 */
final class WooFixture implements AutoCloseable {

    static final String WEBHOOK_SECRET = "golisto-webhook-secret-0123456789abcdef";

    final MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T12:00:00Z"));
    final WooCommerceEmulator emulator;
    final WooApiKey key;
    final TestingContext context;
    final Connector connector;

    WooFixture(WooCommerceEmulator.Builder builder, Map<String, String> extraSettings) {
        this(builder, extraSettings, null);
    }

    WooFixture(WooCommerceEmulator.Builder builder, Map<String, String> extraSettings, TestingContext givenContext) {
        this.emulator = builder.clock(clock).build().start();
        this.key = emulator.createApiKey("read_write");
        this.context = givenContext != null ? givenContext : TestingContext.of(clock);
        context.withWebhookSecret(WEBHOOK_SECRET);
        Map<String, String> settings = new HashMap<>();
        settings.put("url", emulator.homeUrl());
        settings.put("consumer-key", key.consumerKey());
        settings.put("consumer-secret", key.consumerSecret());
        settings.put("strict-delivery-urls", "false");
        settings.putAll(extraSettings);
        WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();
        this.connector = provider.open(provider.descriptor().validate(settings), context);
    }

    static WooFixture standard() {
        return new WooFixture(WooCommerceEmulator.builder().webhookAutoDeliveryDelay(Duration.ZERO), Map.of());
    }

    static WooFixture withSampleCatalog(Map<String, String> settings) throws Exception {
        WooFixture f = new WooFixture(WooCommerceEmulator.builder().webhookAutoDeliveryDelay(Duration.ZERO), settings);
        f.emulator.loadCsv(sampleCsv());
        return f;
    }

    /** The real WooCommerce sample catalog, from {@code <repo>/../shared}. */
    static Path sampleCsv() {
        Path csv = Path.of("..", "..", "shared", "fixtures", "woocommerce", "sample_products.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException("WooCommerce sample CSV not found at " + csv.toAbsolutePath().normalize()
                    + ": the shared/ folder must be a sibling of the repository folder");
        }
        return csv;
    }

    @Override
    public void close() {
        connector.close();
        emulator.close();
    }
}
