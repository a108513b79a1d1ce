package com.golisto.sync.core.runs;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/**
 * The marketplace refused the store itself: its credentials (the connection was revoked: handle as
 * disconnected) or its approval (stop and re-read the connection status). Raised by
 * {@link RemoteCalls#marketplace} in place of the connector's exception, so the engine knows which side
 * refused.
 */
public final class MarketplaceRefusal extends SyncException {

    private static final long serialVersionUID = 1L;

    private final boolean credentialsRejected;
    private final String reason;

    MarketplaceRefusal(boolean credentialsRejected, String message, Throwable cause) {
        super(ErrorCategory.USER, message, cause);
        this.credentialsRejected = credentialsRejected;
        this.reason = message;
    }

    /** Why, for people: the exception's message, which is never null. */
    public String reason() {
        return reason;
    }

    /** True when the credentials were rejected; false when the store is not approved. */
    public boolean credentialsRejected() {
        return credentialsRejected;
    }
}
