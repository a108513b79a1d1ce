package com.golisto.sync.benchmarks.realstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real-store run's HTTP client, against the WooCommerce emulator (which, like WooCommerce, refuses OAuth
 * timestamps more than 15 minutes off its clock, here the system clock).
 */
class ResigningHttpClientTest {

    WooCommerceEmulator woo;
    WooApiKey key;
    HttpClient plain;

    @BeforeEach
    void start() {
        woo = WooCommerceEmulator.builder().build();
        woo.start();
        woo.seedCatalog(new WooCatalogGenerator.Spec(5, 0, 0, 1));
        key = woo.createApiKey("read");
        plain = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        woo.close();
        plain.close();
    }

    /** A request as the engine signs it on a test clock a day ahead of the store. */
    private HttpRequest signedADayAhead() {
        long ahead = Instant.now().plus(1, ChronoUnit.DAYS).getEpochSecond();
        String url = woo.homeUrl() + "/wp-json/wc/v3/products?per_page=100&page=1&oauth_consumer_key="
                + key.consumerKey() + "&oauth_nonce=abc&oauth_signature_method=HMAC-SHA256&oauth_timestamp=" + ahead
                + "&oauth_signature=bogus";
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    @Test
    void aShopRequestSignedOnATestClockADayAhead_isResignedWithTheRealTime_acceptedAndCountedByRoute()
            throws Exception {
        assertThat(plain.send(signedADayAhead(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("the store refuses the engine's own signature").isEqualTo(401);
        ShopTally tally = new ShopTally();
        HttpClient client = new ResigningHttpClient(plain, URI.create(woo.homeUrl()),
                new OAuthSigner(key.consumerKey(), key.consumerSecret()), tally);

        HttpResponse<String> response = client.send(signedADayAhead(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(StoreClient.JSON.readTree(response.body())).hasSize(5);
        assertThat(tally.snapshot()).isEqualTo(Map.of("GET /products", 1L));
        assertThat(tally.failures()).isZero();
    }

    @Test
    void aRequestToAnotherHost_passesUnchangedAndUncounted() throws Exception {
        ShopTally tally = new ShopTally();
        HttpClient client = new ResigningHttpClient(plain, URI.create("http://127.0.0.1:1"),
                new OAuthSigner(key.consumerKey(), key.consumerSecret()), tally);

        HttpResponse<Void> response = client.send(signedADayAhead(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).as("not re-signed").isEqualTo(401);
        assertThat(tally.total()).isZero();
    }

    @Test
    void theNaiveReader_readsEveryPageSignedWithTheRealTime() throws Exception {
        StoreClient shop = new StoreClient(plain, URI.create(woo.homeUrl()),
                new OAuthSigner(key.consumerKey(), key.consumerSecret()));

        List<StoreClient.ShopProduct> products = shop.readAll();

        assertThat(products).hasSize(5);
        assertThat(shop.tally().snapshot()).isEqualTo(Map.of("GET /products", 1L));
    }

    @Test
    void routes_nameIdsGenerically() {
        assertThat(ShopTally.route("/wp-json/wc/v3/products/42/variations/7")).isEqualTo("/products/{id}/variations/{id}");
        assertThat(ShopTally.route("/wp-json/wc/v3/products")).isEqualTo("/products");
    }
}
