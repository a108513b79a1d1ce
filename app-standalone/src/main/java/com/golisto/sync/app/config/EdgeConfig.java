package com.golisto.sync.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the runner's HTTP edge accepts (the {@code server.max-*}, {@code server.idle-timeout},
 * {@code server.min-request-bytes-per-second}, {@code server.allowed-hosts}, {@code server.dashboard-open} and
 * {@code server.session-lifetime} keys). The wiring turns it into the HTTP layer's limits, edge policy and
 * admin sessions; the defaults are theirs. Immutable.
 *
 * @param maxHeaderBytes the largest request line plus headers, in bytes ({@value #MIN_HEADER_BYTES} to
 *     {@value #MAX_HEADER_BYTES})
 * @param maxBodyBytes the largest request body a route reads, in bytes ({@value #MIN_BODY_BYTES} to
 *     {@value #MAX_BODY_BYTES})
 * @param idleTimeout how long a connection may send nothing before it is closed ({@link #MIN_IDLE_TIMEOUT} to
 *     {@link #MAX_IDLE_TIMEOUT})
 * @param minRequestBytesPerSecond the slowest a request body may arrive once a route reads it; 0 turns the check
 *     off (at most {@value #MAX_MIN_REQUEST_BYTES_PER_SECOND})
 * @param allowedHosts further host names (or IP addresses) a request may name in {@code Host}, lower case
 * @param dashboardOpen whether the dashboard page is shown without the admin token
 * @param sessionLifetime how long a dashboard session lasts ({@link #MIN_SESSION_LIFETIME} to
 *     {@link #MAX_SESSION_LIFETIME})
 */
public record EdgeConfig(int maxHeaderBytes, int maxBodyBytes, Duration idleTimeout, long minRequestBytesPerSecond,
                         List<String> allowedHosts, boolean dashboardOpen, Duration sessionLifetime) {
    /** The smallest header limit: 1 KiB. */
    public static final int MIN_HEADER_BYTES = 1024;
    /** The largest header limit: 64 KiB. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** The smallest body limit: 1 KiB. */
    public static final int MIN_BODY_BYTES = 1024;
    /** The largest body limit: 64 MiB. */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** The highest minimum body rate: 1 MiB per second. */
    public static final int MAX_MIN_REQUEST_BYTES_PER_SECOND = 1024 * 1024;
    /** The shortest idle timeout: 1 s. */
    public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(1);
    /** The longest idle timeout: 1 h. */
    public static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);
    /** The shortest session: 1 min. */
    public static final Duration MIN_SESSION_LIFETIME = Duration.ofMinutes(1);
    /** The longest session: 30 days. */
    public static final Duration MAX_SESSION_LIFETIME = Duration.ofDays(30);

    public EdgeConfig {
        within("maxHeaderBytes", maxHeaderBytes, MIN_HEADER_BYTES, MAX_HEADER_BYTES);
        within("maxBodyBytes", maxBodyBytes, MIN_BODY_BYTES, MAX_BODY_BYTES);
        within("minRequestBytesPerSecond", minRequestBytesPerSecond, 0, MAX_MIN_REQUEST_BYTES_PER_SECOND);
        within("idleTimeout", idleTimeout, MIN_IDLE_TIMEOUT, MAX_IDLE_TIMEOUT);
        within("sessionLifetime", sessionLifetime, MIN_SESSION_LIFETIME, MAX_SESSION_LIFETIME);
        allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts").stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** The defaults: 8 KiB headers, 1 MiB bodies, 30 s idle, 128 bytes/s, no extra hosts, closed, 12 h. */
    public static EdgeConfig defaults() {
        return new EdgeConfig(8 * 1024, 1024 * 1024, Duration.ofSeconds(30), 128, List.of(), false,
                Duration.ofHours(12));
    }

    private static void within(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ": " + value);
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ": " + value);
        }
    }
}
