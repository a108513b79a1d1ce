package com.golisto.sync.api.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error a connector or the engine raises on purpose. Subtypes say what the engine
 * does next; {@link #category()} says who must act. Messages never contain secrets.
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
