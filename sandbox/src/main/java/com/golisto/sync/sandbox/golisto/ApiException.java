package com.golisto.sync.sandbox.golisto;

/**
 * A contract error the emulator answers with: an HTTP status plus the {@code {"error":{"code","message"}}}
 * body the contract prescribes for every 4xx/5xx.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String message;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.message = message;
    }

    static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    static ApiException notApproved(String status) {
        return new ApiException(403, "not_approved",
                "the connection is " + status + "; catalog, inventory and order calls need an approved connection");
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    static ApiException invalid(String message) {
        return new ApiException(422, "validation_failed", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The message for the error body; unlike {@link #getMessage()}, typed non-null. */
    String message() {
        return message;
    }
}
