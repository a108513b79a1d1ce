package com.golisto.sync.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Golisto is, how often connection statuses are polled, and the largest answer read from it.
 *
 * @param apiUrl the API's base URL
 * @param webUrl the web site (connect page)
 * @param statusPollInterval how often each store's connection status is polled; positive
 * @param maxResponseBytes the largest response body read from Golisto, in bytes, from
 *     {@value #MIN_RESPONSE_BYTES} to {@value #MAX_RESPONSE_BYTES} (the Golisto connector's
 *     {@code max-response-bytes} setting)
 */
public record GolistoConfig(URI apiUrl, URI webUrl, Duration statusPollInterval, int maxResponseBytes) {
    /** The default of {@link #maxResponseBytes}: 32 MiB. */
    public static final int DEFAULT_RESPONSE_BYTES = 32 << 20;
    /** The smallest {@link #maxResponseBytes}: 1 KiB. */
    public static final int MIN_RESPONSE_BYTES = 1024;
    /** The largest {@link #maxResponseBytes}: 1 GiB. */
    public static final int MAX_RESPONSE_BYTES = 1 << 30;

    public GolistoConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(statusPollInterval, "statusPollInterval");
        if (statusPollInterval.isNegative() || statusPollInterval.isZero()) {
            throw new IllegalArgumentException("status poll interval must be positive");
        }
        if (maxResponseBytes < MIN_RESPONSE_BYTES || maxResponseBytes > MAX_RESPONSE_BYTES) {
            throw new IllegalArgumentException("max response bytes must be from " + MIN_RESPONSE_BYTES + " to "
                    + MAX_RESPONSE_BYTES + ", not " + maxResponseBytes);
        }
    }

    /** With the default response cap ({@value #DEFAULT_RESPONSE_BYTES} bytes). */
    public GolistoConfig(URI apiUrl, URI webUrl, Duration statusPollInterval) {
        this(apiUrl, webUrl, statusPollInterval, DEFAULT_RESPONSE_BYTES);
    }
}
