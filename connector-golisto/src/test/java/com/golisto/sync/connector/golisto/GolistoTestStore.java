package com.golisto.sync.connector.golisto;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.spi.ConnectCompletion;
import com.golisto.sync.api.spi.ConnectRequest;
import com.golisto.sync.api.spi.ConnectionGrant;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.http.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One store wired for a test: a Golisto emulator and a Golisto connector opened through the provider, on
 * one {@link MutableClock}. {@link #connect()} walks the real connect flow over loopback (connect page,
 * redirect, credentials) and {@link #connectAndApprove()} also lets Golisto approve the store.
 */
final class GolistoTestStore implements AutoCloseable {

    static final String WEBHOOK_SECRET = "whsec_test_0123456789abcdef0123456789";
    static final String CONSUMER_SECRET = "cs_test_fedcba9876543210";
    static final URI STORE_URL = URI.create("https://shop.example.com");
    static final Currency EUR = Currency.getInstance("EUR");

    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T10:00:00Z"));
    final GolistoEmulator golisto;
    final TestingConnectorContext context = new TestingConnectorContext(clock);
    final GolistoConnectorProvider provider = new GolistoConnectorProvider();
    Connector connector;
    String connectionId;
    String apiToken;

    GolistoTestStore() {
        this(Map.of());
    }

    GolistoTestStore(Map<String, String> extraSettings) {
        golisto = GolistoEmulator.builder().clock(clock).build().start();
        context.secrets.put(StoreSecrets.WEBHOOK_SECRET, WEBHOOK_SECRET);
        connector = open(extraSettings);
    }

    Connector open(Map<String, String> extraSettings) {
        Map<String, String> raw = new HashMap<>(extraSettings);
        raw.put("api-url", golisto.apiBaseUri().toString());
        raw.put("web-url", golisto.webBaseUri().toString());
        Settings settings = provider.descriptor().validate(raw);
        return provider.open(settings, context);
    }

    /** Follows the connect URL like a browser would, without following the redirect. */
    Map<String, String> visitConnectPage(String state) {
        URI url = connector.connectionLifecycle().orElseThrow().connectUrl(
                new ConnectRequest(STORE_URL, EUR, URI.create("http://127.0.0.1:9/golisto/return"), state));
        try {
            HttpResponse<Void> response = context.httpClient().send(HttpRequest.newBuilder(url).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(302);
            return query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ConnectCompletion completion(String code) {
        return new ConnectCompletion(code, STORE_URL, EUR,
                new ShopCredentials("ck_test_0123456789", Secret.of(CONSUMER_SECRET), "read_write"),
                Secret.of(WEBHOOK_SECRET), URI.create("http://127.0.0.1:9/webhooks/golisto"));
    }

    /** Connects the store; Golisto then awaits approval. */
    ConnectionGrant connect() throws InterruptedException {
        String code = visitConnectPage("state-1").get("code");
        ConnectionGrant grant = connector.connectionLifecycle().orElseThrow().complete(completion(code));
        connectionId = grant.state().accountId();
        apiToken = grant.settings().get("api-token");
        assertThat(grant.state().status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        return grant;
    }

    /** Connects the store and lets Golisto approve it; pending webhooks are dropped. */
    void connectAndApprove() throws InterruptedException {
        connect();
        golisto.approve(connectionId);
        golisto.webhooks().discardPending();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    @Override
    public void close() {
        connector.close();
        context.close();
        golisto.close();
    }
}
