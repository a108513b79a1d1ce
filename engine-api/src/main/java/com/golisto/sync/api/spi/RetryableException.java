package com.golisto.sync.api.spi;

import java.time.Duration;
import java.util.Optional;
import com.golisto.sync.api.annotations.Nullable;

/**
 * A transient failure: the same call may succeed later (rate limits, 5xx answers, timeouts, resets, a
 * garbled answer). The engine retries with exponential backoff and jitter, waiting at least
 * {@link #retryAfter()} when the remote named a delay.
 */
public class RetryableException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    /** A transient failure without a requested delay. */
    public RetryableException(String message, @Nullable Throwable cause) {
        this(message, null, cause);
    }

    /**
     * A transient failure.
     *
     * @param retryAfter how long the remote asked to wait, or {@code null}
     */
    public RetryableException(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(ErrorCategory.EXTERNAL, message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the remote asked to wait before the next attempt. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
