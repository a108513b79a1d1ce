package com.golisto.sync.api.spi;

/**
 * The marketplace refused a call because the store's connection is not approved (any more). The engine
 * stops synchronising the store and re-reads its connection status.
 */
public class NotApprovedException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** With the remote's explanation. */
    public NotApprovedException(String message) {
        super(ErrorCategory.USER, message);
    }
}
