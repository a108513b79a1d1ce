package com.golisto.sync.sandbox.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.http.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooAuthTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T12:00:00Z"));
    private WooCommerceEmulator emulator;
    private WooApiKey key;
    private TestingWooClient client;

    @BeforeEach
    void start() {
        emulator = WooCommerceEmulator.builder().clock(clock).webhookDelivery(false).build().start();
        key = emulator.createApiKey("read_write");
        client = TestingWooClient.oauth(emulator, key);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    /**
     * Independent vector: produced with Python 3 (hmac, hashlib, base64, urllib.parse.quote(safe='~')),
     * standard OAuth 1.0a one-legged signing, key = secret + "&":
     * sorted pairs "k=v" joined by '&', base = METHOD&enc(url)&enc(params).
     */
    @Test
    void sign_matchesIndependentPythonVector_sha256AndSha1() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("per_page", "100");
        params.put("page", "2");
        params.put("modified_after", "2024-01-01T00:00:00");
        params.put("dates_are_gmt", "true");
        params.put("oauth_consumer_key", "ck_0123456789abcdef0123456789abcdef01234567");
        params.put("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");
        params.put("oauth_signature_method", "HMAC-SHA256");
        params.put("oauth_timestamp", "1700000000");
        params.put("search", "T-Shirt & Hoodie/ü");
        String url = "http://127.0.0.1:8080/wp-json/wc/v3/products";
        String secret = "cs_fedcba9876543210fedcba9876543210fedcba98";
        assertThat(WooAuth.sign("GET", url, params, secret, "HMAC-SHA256"))
                .isEqualTo("uYu2q7dbFSkGeYlusC7y39zk2xrZd4P5bSsuT70Ln4w=");
        params.put("oauth_signature_method", "HMAC-SHA1");
        assertThat(WooAuth.sign("GET", url, params, secret, "HMAC-SHA1")).isEqualTo("hbn5jbuuy3L/nsd773dIG97xbsk=");
    }

    @Test
    void oauth_validSignature_isAccepted() {
        assertThat(client.get("/wp-json/wc/v3/products", "per_page", "5").status()).isEqualTo(200);
    }

    @Test
    void oauth_unknownKey_is401ConsumerKeyInvalid() {
        try (TestingWooClient stranger = new TestingWooClient(emulator.baseUri(), "ck_unknown", "cs_x", clock, false)) {
            TestingWooClient.Reply reply = stranger.get("/wp-json/wc/v3/products");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("code").asText()).isEqualTo("woocommerce_rest_authentication_error");
            assertThat(reply.json().path("message").asText()).isEqualTo("Consumer key is invalid.");
            assertThat(reply.json().path("data").path("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void oauth_wrongSecret_is401SignatureMismatch() {
        try (TestingWooClient wrong = new TestingWooClient(emulator.baseUri(), key.consumerKey(), "cs_wrong", clock,
                false)) {
            TestingWooClient.Reply reply = wrong.get("/wp-json/wc/v3/products");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("message").asText())
                    .isEqualTo("Invalid signature - provided signature does not match.");
        }
    }

    @Test
    void oauth_unsignedQueryParameter_breaksTheSignature() {
        String query = client.signedQuery("GET", "/wp-json/wc/v3/products", "per_page", "5");
        TestingWooClient.Reply reply = client.raw("GET", "/wp-json/wc/v3/products?" + query + "&page=2", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("message").asText()).isEqualTo("Invalid signature - provided signature does not match.");
    }

    @Test
    void oauth_reusedNonce_isRefused() {
        String query = client.signedQuery("GET", "/wp-json/wc/v3/products");
        assertThat(client.raw("GET", "/wp-json/wc/v3/products?" + query, null).status()).isEqualTo(200);
        TestingWooClient.Reply replay = client.raw("GET", "/wp-json/wc/v3/products?" + query, null);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().path("message").asText()).isEqualTo("Invalid nonce - nonce has already been used.");
    }

    @Test
    void oauth_timestampOutsideFifteenMinutes_isRefused() {
        String query = client.signedQuery("GET", "/wp-json/wc/v3/products");
        clock.advance(Duration.ofSeconds(1000));
        TestingWooClient.Reply reply = client.raw("GET", "/wp-json/wc/v3/products?" + query, null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("message").asText()).isEqualTo("Invalid timestamp.");
    }

    @Test
    void oauth_partialParameters_reportWhatIsMissing() {
        TestingWooClient.Reply reply = client.raw("GET", "/wp-json/wc/v3/products?oauth_consumer_key="
                + key.consumerKey() + "&oauth_timestamp=1", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("code").asText()).isEqualTo("woocommerce_rest_authentication_missing_parameter");
        assertThat(reply.json().path("message").asText())
                .isEqualTo("Missing OAuth parameter oauth_nonce, oauth_signature, oauth_signature_method");
    }

    @Test
    void noCredentials_isCannotView() {
        TestingWooClient.Reply reply = client.raw("GET", "/wp-json/wc/v3/products", null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("code").asText()).isEqualTo("woocommerce_rest_cannot_view");
        assertThat(reply.json().path("message").asText()).isEqualTo("Sorry, you cannot list resources.");
    }

    @Test
    void basicOverPlainHttp_isSilentlyIgnored() {
        try (TestingWooClient basic = TestingWooClient.basic(emulator, key)) {
            TestingWooClient.Reply reply = basic.get("/wp-json/wc/v3/products");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("code").asText()).isEqualTo("woocommerce_rest_cannot_view");
        }
    }

    @Test
    void basicInHttpsMode_isAccepted_andWrongSecretChallenges() {
        try (WooCommerceEmulator https = WooCommerceEmulator.builder().clock(clock).httpsMode(true)
                .apiKey("ck_basic", "cs_basic", "read_write").webhookDelivery(false).build().start();
             TestingWooClient good = new TestingWooClient(https.baseUri(), "ck_basic", "cs_basic", clock, true);
             TestingWooClient bad = new TestingWooClient(https.baseUri(), "ck_basic", "cs_nope", clock, true)) {
            assertThat(good.get("/wp-json/wc/v3/products").status()).isEqualTo(200);
            TestingWooClient.Reply reply = bad.get("/wp-json/wc/v3/products");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("message").asText()).isEqualTo("Consumer secret is invalid.");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=");
        }
    }

    @Test
    void restRouteUrls_neverAuthenticate() {
        String query = client.signedQuery("GET", "/");
        TestingWooClient.Reply reply = client.raw("GET", "/?rest_route=/wc/v3/products&" + query, null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("code").asText()).isEqualTo("woocommerce_rest_cannot_view");
    }

    @Test
    void readOnlyKey_cannotWrite() {
        WooApiKey readOnly = emulator.createApiKey("read");
        try (TestingWooClient reader = TestingWooClient.oauth(emulator, readOnly)) {
            assertThat(reader.get("/wp-json/wc/v3/products").status()).isEqualTo(200);
            TestingWooClient.Reply reply = reader.post("/wp-json/wc/v3/products", "{\"name\":\"x\"}");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().path("message").asText()).isEqualTo("The API key provided does not have write permissions.");
        }
    }

    @Test
    void revokedKey_isRefused() {
        emulator.revokeApiKey(key.consumerKey());
        assertThat(client.get("/wp-json/wc/v3/products").status()).isEqualTo(401);
    }

    @Test
    void apiKey_toStringHidesTheSecret() {
        assertThat(key.toString()).doesNotContain(key.consumerSecret()).doesNotContain(key.consumerKey());
    }
}
