package com.example.golisto.jsonshop;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.IssuedCredentials;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.ResponseCap;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreInfoSource;
import com.golisto.sync.api.spi.SyncException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;

/** A store's connector: its catalog, its facts and its API key. Never shows the key. Thread-safe. */
final class JsonShopConnector implements Connector, StoreInfoSource, CredentialIssuer {
    /** Binds the shop's JSON to records: snake_case names, enum values in any case, unknown fields ignored. */
    static final ObjectMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final URI url;
    private final Secret apiKey;
    private final ConnectorContext context;
    private final JsonShopCatalog catalog;

    JsonShopConnector(URI url, Secret apiKey, int pageSize, ConnectorContext context) {
        this.url = URI.create(url.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey;
        this.context = context;
        this.catalog = new JsonShopCatalog(this, pageSize);
    }

    @Override
    public Optional<CatalogSource> catalogSource() {
        return Optional.of(catalog);
    }

    @Override
    public Optional<StoreInfoSource> storeInfo() {
        return Optional.of(this);
    }

    @Override
    public Optional<CredentialIssuer> credentialIssuer() {
        return Optional.of(this);
    }

    /** The store's facts in the shop's JSON. */
    record ShopStore(URI url, Currency currency, String version) {
    }

    @Override
    public StoreInfo read() throws InterruptedException {
        ShopStore store = get("GET /store", "/store", ShopStore.class);
        return new StoreInfo(store.url(), store.currency(), store.version());
    }

    /** The key the store was configured with (the shop has no grant flow); the key part names its header. */
    @Override
    public Optional<ShopCredentials> currentCredentials() {
        return Optional.of(new ShopCredentials("X-Api-Key", apiKey, "read_write"));
    }

    @Override
    public URI authorizationUrl(CredentialRequest request) {
        throw new InvalidItemException("no_grant_flow", "the JSON shop has no key grant flow: set api-key");
    }

    @Override
    public IssuedCredentials parseCallback(InboundRequest request) {
        throw new InvalidItemException("no_grant_flow", "the JSON shop has no key grant flow: set api-key");
    }

    /** {@code GET}s a path below the shop's URL, counted in the metrics as {@code endpoint}; binds the answer. */
    <T> T get(String endpoint, String path, Class<T> type) throws InterruptedException {
        String what = "JSON shop at " + url.getHost() + ": " + endpoint;
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", apiKey.reveal()).GET().build();
        long started = System.nanoTime();
        int status = -1;
        try {
            HttpResponse<byte[]> response = context.httpClient().send(request, ResponseCap.handler(what, 32L << 20));
            status = response.statusCode();
            if (status != 200) {
                throw failure(what + " answered " + status, status, response);
            }
            return JSON.readValue(response.body(), type);
        } catch (IOException e) { // a timeout, a reset, a garbled answer: a later call may do better
            throw new RetryableException(what + " failed: " + e, e);
        } finally {
            context.metrics().request(endpoint, status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static SyncException failure(String message, int status, HttpResponse<byte[]> response) {
        String retryAfter = response.headers().firstValue("Retry-After").orElse("");
        return switch (status) {
            case 401, 403 -> new CredentialsRejectedException(message + "; check the api-key setting");
            case 404 -> new NotFoundException(message);
            default -> status != 429 && status < 500 ? new SyncException(ErrorCategory.EXTERNAL, message)
                    : new RetryableException(message, retryAfter.matches("\\d{1,9}")
                            ? Duration.ofSeconds(Long.parseLong(retryAfter)) : null, null);
        };
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() { // the HTTP client is the engine's: nothing to release
    }
}
