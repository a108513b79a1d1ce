package com.golisto.sync.core.connectors;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/**
 * The set of connector providers is unusable: two providers claim one id, a provider's id disagrees with
 * its descriptor, or a provider cannot be loaded. A deployment problem: fix the module path or class path.
 */
public final class ConnectorRegistryException extends SyncException {

    private static final long serialVersionUID = 1L;

    ConnectorRegistryException(String message) {
        super(ErrorCategory.USER, message);
    }

    ConnectorRegistryException(String message, Throwable cause) {
        super(ErrorCategory.USER, message, cause);
    }
}
