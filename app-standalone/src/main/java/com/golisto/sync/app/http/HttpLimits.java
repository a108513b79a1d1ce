package com.golisto.sync.app.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the runner's HTTP server accepts from one client, enforced by Jetty itself.
 *
 * @param requestHeaderBytes the largest request line plus headers; beyond it Jetty answers 431 (default 8 KiB)
 * @param maxBodyBytes the largest request body a route reads; beyond it the route answers 413 (default 1 MiB)
 * @param idleTimeout how long a connection may send nothing before Jetty closes it (default 30 s)
 * @param minRequestBytesPerSecond the slowest a request body may arrive once its route reads it; a slower
 *     (trickled) body fails the read and the request is answered 400 (default 128 bytes per second)
 */
public record HttpLimits(int requestHeaderBytes, int maxBodyBytes, Duration idleTimeout, long minRequestBytesPerSecond) {
    /** The default header limit: 8 KiB. */
    public static final int DEFAULT_REQUEST_HEADER_BYTES = 8 * 1024;
    /** The default body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** The default idle timeout: 30 s. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** The default minimum body rate: 128 bytes per second. */
    public static final long DEFAULT_MIN_REQUEST_BYTES_PER_SECOND = 128;

    public HttpLimits {
        if (requestHeaderBytes < 1024) {
            throw new IllegalArgumentException("requestHeaderBytes must be at least 1024: " + requestHeaderBytes);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024: " + maxBodyBytes);
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        if (minRequestBytesPerSecond < 0) {
            throw new IllegalArgumentException("minRequestBytesPerSecond must not be negative: " + minRequestBytesPerSecond);
        }
    }

    /** The defaults documented on each component. */
    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_REQUEST_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_MIN_REQUEST_BYTES_PER_SECOND);
    }
}
