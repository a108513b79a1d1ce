package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.IssuedCredentials;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.woocommerce.WcAuthOutcome;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WooCommerceCredentialsAndStoreInfoTest {

    /** The runner's wc-auth callback endpoint: parses the keys with the connector, answers exactly 200. */
    static final class Callback extends EmulatorServer {
        final AtomicReference<IssuedCredentials> issued = new AtomicReference<>();
        volatile CredentialIssuer issuer;

        @Override
        protected EmulatorResponse handle(EmulatorRequest request) {
            issued.set(issuer.parseCallback(new InboundRequest(request.method(), request.path(), request.rawQuery(),
                    request.headers(), request.body())));
            return EmulatorResponse.empty(200);
        }
    }

    private static Connector openWithoutKeys(WooCommerceEmulator emulator, TestingContext context) {
        WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();
        return provider.open(provider.descriptor().validate(Map.of("url", emulator.homeUrl())), context);
    }

    @Test
    void wcAuthGrant_endToEnd_yieldsKeysThatWork() throws Exception {
        try (WooFixture fx = WooFixture.standard(); Callback callback = new Callback()) {
            Connector fresh = openWithoutKeys(fx.emulator, fx.context);
            CredentialIssuer issuer = fresh.credentialIssuer().orElseThrow();
            assertThat(issuer.currentCredentials()).isEmpty();
            assertThatThrownBy(() -> fresh.catalogSource().orElseThrow().readAll(null))
                    .isInstanceOf(CredentialsRejectedException.class).hasMessageContaining("no WooCommerce API keys");
            callback.issuer = issuer;
            callback.start();
            URI authorize = issuer.authorizationUrl(new CredentialRequest("Golisto Sync", "state-8f3a",
                    URI.create("https://runner.example/wc-auth/return"), callback.baseUri().resolve("/wc-auth/callback")));
            assertThat(authorize.toString()).startsWith(fx.emulator.homeUrl() + "/wc-auth/v1/authorize?")
                    .contains("scope=read_write").contains("user_id=state-8f3a");
            HttpResponse<String> page = fx.context.httpClient().send(HttpRequest.newBuilder(authorize).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            WcAuthOutcome outcome = fx.emulator.approveAuthorization("state-8f3a");
            assertThat(outcome.approved()).isTrue();
            assertThat(outcome.redirect().toString()).isEqualTo("https://runner.example/wc-auth/return?success=1&user_id=state-8f3a");
            IssuedCredentials issued = callback.issued.get();
            assertThat(issued.state()).isEqualTo("state-8f3a");
            assertThat(issued.toString()).doesNotContain(outcome.key().consumerSecret());
            Map<String, String> settings = new HashMap<>(issued.settings());
            settings.put("url", fx.emulator.homeUrl());
            WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();
            Connector withKeys = provider.open(provider.descriptor().validate(settings), fx.context);
            assertThat(withKeys.catalogSource().orElseThrow().readAll(null).items()).isEmpty();
            ShopCredentials current = withKeys.credentialIssuer().orElseThrow().currentCredentials().orElseThrow();
            assertThat(current.key()).isEqualTo(outcome.key().consumerKey());
            assertThat(current.secret().reveal()).isEqualTo(outcome.key().consumerSecret());
            assertThat(current.toString()).doesNotContain(outcome.key().consumerSecret());
            fresh.close();
            withKeys.close();
        }
    }

    @Test
    void parseCallback_refusesIncompleteOrReadOnlyGrants_acceptsNumericUserId() {
        CredentialIssuer issuer = new WooCommerceCredentialIssuer(WooCommerceConfig.from(new WooCommerceConnectorProvider()
                .descriptor().validate(Map.of("url", "https://shop.example"))));
        assertThatThrownBy(() -> issuer.parseCallback(callback("{\"user_id\":\"s\",\"consumer_key\":\"ck_1\"}")))
                .isInstanceOf(InvalidItemException.class);
        assertThatThrownBy(() -> issuer.parseCallback(callback("not json"))).isInstanceOf(InvalidItemException.class);
        assertThatThrownBy(() -> issuer.parseCallback(callback("{\"key_id\":1,\"user_id\":\"s\",\"consumer_key\":\"ck_1\","
                + "\"consumer_secret\":\"cs_1\",\"key_permissions\":\"read\"}")))
                .isInstanceOf(InvalidItemException.class).hasMessageContaining("read_write");
        IssuedCredentials ok = issuer.parseCallback(callback("{\"key_id\":1,\"user_id\":123,\"consumer_key\":\"ck_1\","
                + "\"consumer_secret\":\"cs_1\",\"key_permissions\":\"read_write\"}"));
        assertThat(ok.state()).isEqualTo("123");
        assertThat(ok.settings()).containsEntry("consumer-key", "ck_1").containsEntry("consumer-secret", "cs_1");
    }

    private static InboundRequest callback(String body) {
        return new InboundRequest("POST", "/wc-auth/callback", "", Map.of("Content-Type",
                List.of("application/json;charset=UTF-8")), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storeInfo_readsCurrencyHomeUrlAndVersion() throws Exception {
        try (WooFixture fx = new WooFixture(WooCommerceEmulator.builder().currency("GBP").webhookDelivery(false),
                Map.of())) {
            StoreInfo info = fx.connector.storeInfo().orElseThrow().read();
            assertThat(info.currency().getCurrencyCode()).isEqualTo("GBP");
            assertThat(info.homeUrl().toString()).isEqualTo(fx.emulator.homeUrl());
            assertThat(info.platformVersion()).isEqualTo("WooCommerce 8.2.2");
        }
    }

    @Test
    void basicAuth_worksWhenTheStoreBelievesItIsOnHttps() throws Exception {
        try (WooFixture fx = new WooFixture(WooCommerceEmulator.builder().httpsMode(true).webhookDelivery(false),
                Map.of("auth", "basic"))) {
            assertThat(fx.connector.storeInfo().orElseThrow().read().currency().getCurrencyCode()).isEqualTo("EUR");
        }
    }

    @Test
    void basicAuthOverPlainHttp_isIgnoredByWooCommerce_soItIsRejected() {
        try (WooFixture fx = new WooFixture(WooCommerceEmulator.builder().webhookDelivery(false), Map.of("auth", "basic"))) {
            assertThatThrownBy(() -> fx.connector.storeInfo().orElseThrow().read())
                    .isInstanceOf(CredentialsRejectedException.class).hasMessageContaining("woocommerce_rest_cannot_view");
        }
    }

    @Test
    void revokedKey_isCredentialsRejected_withWooCommercesMessage_andNoSecret() {
        try (WooFixture fx = WooFixture.standard()) {
            fx.emulator.revokeApiKey(fx.key.consumerKey());
            assertThatThrownBy(() -> fx.connector.catalogSource().orElseThrow().readAll(null))
                    .isInstanceOfSatisfying(CredentialsRejectedException.class, e -> assertThat(e.getMessage())
                            .contains("Consumer key is invalid.").doesNotContain(fx.key.consumerSecret())
                            .doesNotContain(fx.key.consumerKey()));
        }
    }

    @Test
    void storeClockFarAway_isCredentialsRejectedNamingTheClock() {
        try (WooFixture fx = WooFixture.standard()) {
            TestingContext skewed = TestingContext.of(java.time.Clock.offset(fx.clock, Duration.ofMinutes(20)));
            WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();
            Connector c = provider.open(provider.descriptor().validate(Map.of("url", fx.emulator.homeUrl(),
                    "consumer-key", fx.key.consumerKey(), "consumer-secret", fx.key.consumerSecret())), skewed);
            assertThatThrownBy(() -> c.storeInfo().orElseThrow().read()).isInstanceOf(CredentialsRejectedException.class)
                    .hasMessageContaining("Invalid timestamp.").hasMessageContaining("15 minutes");
            c.close();
        }
    }
}
