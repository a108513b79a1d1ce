package com.golisto.sync.connector.golisto;

import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Golisto connector's settings for one store, parsed once from the engine's validated
 * {@link Settings}. {@code connectionId} and {@code apiToken} are absent until the store is connected
 * (they come back from {@link GolistoConnectionClient#complete} as a grant). The token is a
 * {@link Secret}: {@link #toString()} never shows it.
 *
 * @param apiUrl the API host, {@code https://api.golisto.com} in production
 * @param webUrl the web host with the connect page, {@code https://golisto.com} in production
 * @param connectionId Golisto's connection id, null before connecting
 * @param apiToken the bearer token, null before connecting
 * @param requestTimeout the timeout of each request
 * @param pageSize orders per page, 1..100
 * @param rateLimitPause how long to wait before the next request after an answer with
 *     {@code X-RateLimit-Remaining: 0}
 * @param maxResponseBytes the largest response body read from Golisto, in bytes
 */
record GolistoConfig(URI apiUrl, URI webUrl, @Nullable String connectionId, @Nullable Secret apiToken,
                     Duration requestTimeout,
                     int pageSize, Duration rateLimitPause, int maxResponseBytes) {

    static final String API_URL = "api-url";
    static final String WEB_URL = "web-url";
    static final String CONNECTION_ID = "connection-id";
    static final String API_TOKEN = "api-token";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final String PAGE_SIZE = "page-size";
    static final String RATE_LIMIT_PAUSE = "rate-limit-pause";
    static final String MAX_RESPONSE_BYTES = "max-response-bytes";

    /** The settings the provider declares. */
    static final List<SettingSpec> SETTINGS = List.of(
            SettingSpec.optional(API_URL, SettingType.URL, "https://api.golisto.com",
                    "The Golisto API host."),
            SettingSpec.optional(WEB_URL, SettingType.URL, "https://golisto.com",
                    "The Golisto web host that serves the connect page."),
            SettingSpec.optional(CONNECTION_ID, SettingType.STRING, null,
                    "Golisto's id for this store's connection; set when the store connects."),
            SettingSpec.secret(API_TOKEN, false,
                    "The bearer token Golisto issued for this store; set when the store connects."),
            SettingSpec.optional(REQUEST_TIMEOUT, SettingType.DURATION, "PT30S",
                    "How long one request to Golisto may take."),
            SettingSpec.optional(PAGE_SIZE, SettingType.INTEGER, "100",
                    "Orders read per page, from 1 to 100."),
            SettingSpec.optional(RATE_LIMIT_PAUSE, SettingType.DURATION, "PT1S",
                    "How long to wait before the next request when Golisto reports no requests left."),
            SettingSpec.optional(MAX_RESPONSE_BYTES, SettingType.INTEGER, "33554432",
                    "The largest response body read from Golisto, in bytes (1024 to 1073741824; default 32 MiB);"
                            + " a larger answer fails the call instead of exhausting the heap."));

    GolistoConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(rateLimitPause, "rateLimitPause");
        apiUrl = withoutTrailingSlash(apiUrl);
        webUrl = withoutTrailingSlash(webUrl);
        if (connectionId != null && connectionId.isBlank()) {
            connectionId = null;
        }
    }

    /**
     * Reads validated settings.
     *
     * @throws InvalidSettingsException when values are individually valid but out of range
     */
    static GolistoConfig from(Settings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        int pageSize = settings.integer(PAGE_SIZE).orElse(100);
        if (pageSize < 1 || pageSize > 100) {
            problems.add(new SettingProblem(PAGE_SIZE, "must be from 1 to 100 (Golisto's limit), not " + pageSize));
        }
        Duration timeout = settings.duration(REQUEST_TIMEOUT).orElseThrow();
        if (timeout.isZero()) {
            problems.add(new SettingProblem(REQUEST_TIMEOUT, "must be longer than zero"));
        }
        int maxResponseBytes = settings.integer(MAX_RESPONSE_BYTES).orElse(32 << 20);
        if (maxResponseBytes < 1024 || maxResponseBytes > 1 << 30) {
            problems.add(new SettingProblem(MAX_RESPONSE_BYTES, "must be from 1024 (1 KiB) to 1073741824 (1 GiB), not "
                    + maxResponseBytes));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException("connector golisto", problems);
        }
        return new GolistoConfig(settings.url(API_URL).orElseThrow(), settings.url(WEB_URL).orElseThrow(),
                settings.string(CONNECTION_ID).orElse(null), settings.secret(API_TOKEN).orElse(null), timeout,
                pageSize, settings.duration(RATE_LIMIT_PAUSE).orElseThrow(), maxResponseBytes);
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
