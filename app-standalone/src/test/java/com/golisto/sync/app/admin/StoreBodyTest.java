package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.config.GolistoConfig;
import com.golisto.sync.app.config.StoreConnectors;
import com.golisto.sync.app.http.EdgePolicy;
import com.golisto.sync.app.http.HttpLimits;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.app.plugins.PluginLoader;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/stores} names the store's shop and marketplace connectors with their settings; the WooCommerce
 * body is its shorthand; connectors not installed, named for the wrong side or given bad settings are refused with
 * a 400 naming every field, before anything is stored.
 */
class StoreBodyTest {
    private static final String TOKEN = "testing-admin-token-0123456789";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private SyncEngine engine;
    private RunnerServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        var providers = PluginLoader.builtIns();
        engine = SyncEngine.builder().jdbcUrl("jdbc:hsqldb:file:" + dir.resolve("state"))
                .masterKey(MasterKey.generate()).connectors(providers).publicUrl(URI.create("http://127.0.0.1:1"))
                .build();
        GolistoConfig golisto = new GolistoConfig(URI.create("https://api.golisto.example"),
                URI.create("https://golisto.example"), Duration.ofMinutes(5));
        server = new RunnerServer("127.0.0.1", 0, new RunnerMetrics(), HttpLimits.defaults(),
                EdgePolicy.of("127.0.0.1", null)).start(new AdminApi(engine, new AdminAuth(Secret.of(TOKEN)),
                new ApiJson(), golisto, StoreConnectors.of(providers)).routes());
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
        http.close();
    }

    @Test
    void connectorBody_registersTheNamedConnectorsWithTheirSettings() throws Exception {
        HttpResponse<String> r = post("""
                {"id": "my-shop", "shop": {"connector": "woocommerce", "settings": {"url": "https://shop.example",
                 "page-size": "50"}}, "marketplace": {"connector": "golisto", "settings": {"page-size": "20"}}}""");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = MAPPER.readTree(r.body());
        assertThat(body.path("shop_connector").asText()).isEqualTo("woocommerce");
        assertThat(body.path("marketplace_connector").asText()).isEqualTo("golisto");
        StoreView store = engine.store("my-shop").orElseThrow();
        assertThat(engine.storeSettings("my-shop").toString()).contains("page-size");
        assertThat(store.shopConnectorId()).isEqualTo("woocommerce");
    }

    @Test
    void wooCommerceBody_isTheShorthandOfAWooCommerceShopOnTheDefaultMarketplace() throws Exception {
        HttpResponse<String> r = post("""
                {"id": "short", "woocommerce": {"url": "https://shop.example", "consumer_key": "ck_1",
                 "consumer_secret": "cs_1"}}""");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        StoreView store = engine.store("short").orElseThrow();
        assertThat(store.shopConnectorId()).isEqualTo("woocommerce");
        assertThat(store.marketplaceConnectorId()).isEqualTo("golisto");
        assertThat(store.shopCredentialsPresent()).isTrue();
    }

    @Test
    void connectorNotInstalled_is400ListingTheInstalledOnes() throws Exception {
        HttpResponse<String> r = post("""
                {"id": "feed", "shop": {"connector": "csv-feed", "settings": {"file": "/x.csv"}}}""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("invalid_connector")
                .contains("field shop.connector connector 'csv-feed' is not installed (installed: golisto, woocommerce)");
        assertThat(engine.store("feed")).isEmpty();
    }

    @Test
    void shopConnectorPlacedAsMarketplace_is400SayingSo() throws Exception {
        HttpResponse<String> r = post("""
                {"id": "swapped", "shop": {"connector": "woocommerce", "settings": {"url": "https://a.example"}},
                 "marketplace": {"connector": "woocommerce", "settings": {"url": "https://b.example"}}}""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("field marketplace.connector connector 'woocommerce' is a shop connector;"
                + " it cannot be a store's marketplace (marketplace connectors: golisto)");
        assertThat(engine.store("swapped")).isEmpty();
    }

    @Test
    void badSettings_are400NamingEveryField() throws Exception {
        HttpResponse<String> r = post("""
                {"id": "bad", "shop": {"connector": "woocommerce", "settings": {"page-size": "many", "colour": "red"}},
                 "marketplace": {"connector": "golisto", "settings": {"max-response-bytes": "lots"}}}""");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("invalid_settings").contains("field shop.settings.url is required")
                .contains("field shop.settings.page-size").contains("field shop.settings.colour")
                .contains("field marketplace.settings.max-response-bytes");
        assertThat(engine.store("bad")).isEmpty();
    }

    @Test
    void shapeMistakes_are400NamingTheField() throws Exception {
        assertThat(post("{\"id\": \"x\"}").body()).contains("field shop is required");
        assertThat(post("{\"id\": \"x\", \"woocommerce\": {\"url\": \"https://a.example\"}, \"shop\": {\"connector\":"
                + " \"woocommerce\"}}").body()).contains("field woocommerce cannot be given with shop");
        assertThat(post("{\"id\": \"x\", \"shop\": {\"settings\": {}}}").body())
                .contains("field shop.connector is required");
        assertThat(post("{\"id\": \"x\", \"shop\": {\"connector\": \"woocommerce\", \"settings\": {\"page-size\": 5}}}")
                .body()).contains("shop.settings.page-size").contains("must be a string");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.localUri().resolve("/api/stores"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
