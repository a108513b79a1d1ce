package com.golisto.sync.api.spi;

/**
 * The remote refused the store's credentials (revoked or wrong key, expired token). The engine stops
 * working on the store and surfaces the problem: a person must reconnect it.
 */
public class CredentialsRejectedException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** A rejection with the remote's explanation (never containing the credentials themselves). */
    public CredentialsRejectedException(String message) {
        super(ErrorCategory.USER, message);
    }
}
