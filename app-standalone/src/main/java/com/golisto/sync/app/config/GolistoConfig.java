package com.golisto.sync.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Golisto is and how often connection statuses are polled.
 *
 * @param apiUrl the API's base URL
 * @param webUrl the web site (connect page)
 * @param statusPollInterval how often each store's connection status is polled; positive
 */
public record GolistoConfig(URI apiUrl, URI webUrl, Duration statusPollInterval) {
    public GolistoConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webUrl, "webUrl");
        Objects.requireNonNull(statusPollInterval, "statusPollInterval");
        if (statusPollInterval.isNegative() || statusPollInterval.isZero()) {
            throw new IllegalArgumentException("status poll interval must be positive");
        }
    }
}
