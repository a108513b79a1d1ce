package com.golisto.sync.api.spi;

import java.util.Objects;
import com.golisto.sync.api.annotations.Nullable;

/**
 * The root of every error a connector or the engine raises on purpose. Subtypes say what the engine
 * does next; {@link #category()} says who must act. Messages never contain secrets.
 *
 * <p>How a connector maps an HTTP remote's answers (the connector TCK checks it):
 * <table>
 *   <caption>Error mapping</caption>
 *   <tr><th>the remote answers</th><th>throw</th></tr>
 *   <tr><td>429, 5xx, a timeout, a reset or cut connection, a garbled body</td>
 *       <td>{@link RetryableException}, carrying {@code Retry-After} when given</td></tr>
 *   <tr><td>401 (and 403 where the remote means a bad key by it)</td><td>{@link CredentialsRejectedException}</td></tr>
 *   <tr><td>404 for the resource asked for</td><td>{@link NotFoundException}, or an empty {@code Optional}
 *       from reads</td></tr>
 *   <tr><td>other 4xx</td><td>a non-retryable {@code SyncException} (or {@link InvalidItemException} for one
 *       item's content)</td></tr>
 * </table>
 *
 * <p>A connector makes one attempt per call: the engine owns retries and backoff.
 */
public class SyncException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCategory category;

    /** An error with a category and message. */
    public SyncException(ErrorCategory category, String message) {
        super(message);
        this.category = Objects.requireNonNull(category, "category");
    }

    /** An error with a category, message and cause. */
    public SyncException(ErrorCategory category, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category, "category");
    }

    /** Who must act. */
    public ErrorCategory category() {
        return category;
    }
}
