package com.golisto.sync.api.spi;

/**
 * The remote refused one item for what it contains (validation, an unknown product in an order). Retrying
 * the same item will fail again: the engine records it as a dead letter, with this message, and carries on
 * with the other items.
 */
public class InvalidItemException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code the remote's error code (or a connector's own), never null
     * @param message the explanation, including the remote's own message where it gave one
     */
    public InvalidItemException(String code, String message) {
        super(ErrorCategory.USER, message);
        this.code = code == null ? "invalid" : code;
    }

    /** The remote's error code. */
    public String code() {
        return code;
    }
}
