package com.golisto.sync.core.store;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;
import org.jspecify.annotations.Nullable;

/**
 * The state store could not be opened or migrated (bad JDBC URL, database unreachable, a migration
 * failed). Operations after a successful open throw Jdbi's unchecked exceptions for database failures.
 */
public final class StateStoreException extends SyncException {

    private static final long serialVersionUID = 1L;

    StateStoreException(String message, @Nullable Throwable cause) {
        super(ErrorCategory.INTERNAL, message, cause);
    }
}
