package com.golisto.sync.app.http;

import com.golisto.sync.api.spi.SyncException;
import java.util.Objects;

/**
 * An HTTP error answer: status, a stable machine code and a sentence for people. Thrown by route
 * handlers; the router answers it as {@code {"error": {"code", "message"}}} (or plain text outside
 * {@code /api}). Messages never carry secrets.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String message;

    /**
     * @param status the HTTP status, 4xx or 5xx
     * @param code a stable code such as {@code not_found}
     * @param message one sentence
     */
    public HttpError(int status, String code, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The machine-readable code. */
    public String code() {
        return code;
    }

    /** The sentence for people; never null. */
    @Override
    public String getMessage() {
        return message;
    }

    /**
     * The message of an engine or connector error, to answer with: never null, since every {@link SyncException}
     * constructor takes one (JSpecify-checked), though {@link Throwable#getMessage()} may be null in general.
     */
    public static String messageOf(SyncException e) {
        return Objects.requireNonNull(e.getMessage(), "a SyncException without a message");
    }

    /** 400 with code {@code invalid_request}. */
    public static HttpError badRequest(String message) {
        return new HttpError(400, "invalid_request", message);
    }

    /** 404 with code {@code not_found}. */
    public static HttpError notFound(String message) {
        return new HttpError(404, "not_found", message);
    }

    /** 409 with code {@code conflict}. */
    public static HttpError conflict(String message) {
        return new HttpError(409, "conflict", message);
    }
}
