package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.ResponseCap;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SyncException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every request of one store's Golisto connector: base URL, bearer token, JSON bodies, per-request
 * timeout, metrics, and the contract's rate limit (after a 429 nothing is sent before {@code Retry-After}
 * has passed; after {@code X-RateLimit-Remaining: 0} the next request waits the configured pause, both
 * measured on the context clock and waited through the context sleeper). Bodies are read with a cap
 * ({@code max-response-bytes}). It also maps answers to the SPI's error types (see {@link #failure}). It makes one attempt per call: retries are the engine's.
 *
 * <p>Thread-safe. The token is held as a {@link Secret} and only revealed into the Authorization header;
 * no log line or exception message contains it.
 */
final class GolistoApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(GolistoApiClient.class);

    private final GolistoConfig config;
    private final ConnectorContext context;
    private final Object lock = new Object();
    private @Nullable String connectionId;
    private @Nullable Secret token;
    private @Nullable Instant notBefore;

    GolistoApiClient(GolistoConfig config, ConnectorContext context) {
        this.config = config;
        this.context = context;
        this.connectionId = config.connectionId();
        this.token = config.apiToken();
    }

    GolistoConfig config() {
        return config;
    }

    ConnectorContext context() {
        return context;
    }

    /** The connection id this client works for, when connected. */
    Optional<String> connectionId() {
        synchronized (lock) {
            return Optional.ofNullable(connectionId);
        }
    }

    /** Uses a newly issued connection id and token from now on. */
    void connected(String newConnectionId, Secret newToken) {
        synchronized (lock) {
            connectionId = newConnectionId;
            token = newToken;
        }
    }

    /** Forgets the token (it was revoked). */
    void disconnected() {
        synchronized (lock) {
            token = null;
        }
    }

    boolean hasToken() {
        synchronized (lock) {
            return token != null;
        }
    }

    /**
     * Sends one GET with the bearer token.
     *
     * @param endpoint the metrics name, e.g. {@code "GET /api/woocommerce/orders/{id}"}
     * @param pathAndQuery the path below the API host, already encoded
     */
    GolistoResponse get(String endpoint, String pathAndQuery) throws InterruptedException {
        return send(endpoint, HttpRequest.newBuilder(uri(pathAndQuery)).GET(), true);
    }

    /** Sends one POST with a JSON body and the bearer token. */
    GolistoResponse post(String endpoint, String path, JsonNode body) throws InterruptedException {
        return send(endpoint, jsonPost(path, body), true);
    }

    /** Sends one POST with a JSON body and no token (the credentials call). */
    GolistoResponse postWithoutToken(String endpoint, String path, JsonNode body) throws InterruptedException {
        return send(endpoint, jsonPost(path, body), false);
    }

    private HttpRequest.Builder jsonPost(String path, JsonNode body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(GolistoJson.bytes(body)));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(config.apiUrl() + pathAndQuery);
    }

    private GolistoResponse send(String endpoint, HttpRequest.Builder builder, boolean authenticated)
            throws InterruptedException {
        builder.timeout(config.requestTimeout()).header("Accept", "application/json");
        if (authenticated) {
            Secret current;
            synchronized (lock) {
                current = token;
            }
            if (current == null) {
                throw new CredentialsRejectedException("the store is not connected to Golisto (no API token): "
                        + "connect it first");
            }
            builder.header("Authorization", "Bearer " + current.reveal());
        }
        pace();
        Instant started = context.clock().instant();
        HttpResponse<byte[]> response;
        try {
            response = context.httpClient().send(builder.build(),
                    ResponseCap.handler("Golisto (" + config.apiUrl().getHost() + ")", config.maxResponseBytes()));
        } catch (IOException e) {
            context.metrics().request(endpoint, -1, elapsedSince(started));
            if (ResponseCap.find(e).isPresent()) {
                // not retryable: the same request gets the same oversized answer, and each attempt costs the
                // transfer again; someone must look at it (or raise the cap)
                throw new SyncException(ErrorCategory.EXTERNAL, "Golisto (" + config.apiUrl().getHost() + ") answered "
                        + endpoint + " with a body larger than " + config.maxResponseBytes() + " bytes, the"
                        + " max-response-bytes cap; the answer was dropped (raise the setting if such answers are"
                        + " expected)", e);
            }
            LOG.debug("store {}: {} failed without an answer: {}", context.storeId(), endpoint, e.toString());
            throw new RetryableException("Golisto did not answer " + endpoint + ": " + describe(e), e);
        }
        context.metrics().request(endpoint, response.statusCode(), elapsedSince(started));
        observeRateLimit(response.statusCode(), response.headers());
        LOG.debug("store {}: {} -> {}", context.storeId(), endpoint, response.statusCode());
        return new GolistoResponse(endpoint, response.statusCode(), response.headers(), response.body());
    }

    private String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out after " + config.requestTimeout().toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        return "the connection failed (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }

    private Duration elapsedSince(Instant started) {
        Duration elapsed = Duration.between(started, context.clock().instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** Waits, through the context sleeper, until a rate-limit pause has passed. */
    private void pace() throws InterruptedException {
        Instant until;
        synchronized (lock) {
            until = notBefore;
        }
        if (until == null) {
            return;
        }
        Duration wait = Duration.between(context.clock().instant(), until);
        if (wait.isPositive()) {
            LOG.debug("store {}: waiting {} ms for Golisto's rate limit", context.storeId(), wait.toMillis());
            context.sleeper().sleep(wait);
        }
    }

    private void observeRateLimit(int status, HttpHeaders headers) {
        Duration pause = null;
        if (status == 429) {
            pause = retryAfter(headers).orElse(config.rateLimitPause());
        } else if (headers.firstValue("X-RateLimit-Remaining").map(String::trim).filter("0"::equals).isPresent()) {
            pause = config.rateLimitPause();
        }
        if (pause != null) {
            Instant until = context.clock().instant().plus(pause);
            synchronized (lock) {
                if (notBefore == null || until.isAfter(notBefore)) {
                    notBefore = until;
                }
            }
        }
    }

    /** The {@code Retry-After} header as a delay: whole seconds, or an HTTP date on the context clock. */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong seconds = parseSeconds(value.get());
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds.getAsLong())));
        }
        try {
            Instant at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(context.clock().instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong parseSeconds(String value) {
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The SPI exception for an answer that is not a success: 401 → credentials rejected; 403 → not approved;
     * 404 → not found; 400/409/413/422 → invalid item with Golisto's code and message; 429 → retryable with
     * Retry-After; 5xx and anything else → retryable.
     */
    RuntimeException failure(GolistoResponse response) {
        int status = response.status();
        String code = response.errorCode().orElse("http_" + status);
        String said = response.errorMessage().map(m -> ": " + m).orElse("");
        String what = "Golisto answered " + status + " (" + code + ") to " + response.endpoint() + said;
        return switch (status) {
            case 401 -> new CredentialsRejectedException(what + "; the store must be reconnected to Golisto");
            case 403 -> new NotApprovedException(what);
            case 404 -> new NotFoundException(what);
            case 400, 409, 413, 422 -> new InvalidItemException(code, what);
            case 429 -> new RetryableException(what, retryAfter(response.headers()).orElse(null), null);
            default -> new RetryableException(what, retryAfter(response.headers()).orElse(null), null);
        };
    }

    /** The body of a 2xx answer as a JSON object; anything else is the mapped failure. */
    JsonNode success(GolistoResponse response) {
        if (response.status() < 200 || response.status() > 299) {
            throw failure(response);
        }
        JsonNode body = response.json().orElse(NullNode.instance);
        if (!body.isObject()) {
            throw new RetryableException("Golisto answered " + response.endpoint() + " with " + response.status()
                    + " but the body is not a JSON object" + response.contentHint(), null);
        }
        return body;
    }
}
