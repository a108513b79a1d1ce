package com.golisto.sync.core.connectors;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;
import java.util.Collection;

/** No loaded provider has the requested connector id; the message lists the ids that are loaded. */
public final class UnknownConnectorException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final String connectorId;

    UnknownConnectorException(String connectorId, Collection<String> known) {
        super(ErrorCategory.USER, "no connector with id '" + connectorId + "' is installed (installed: "
                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        this.connectorId = connectorId;
    }

    /** The id that was asked for. */
    public String connectorId() {
        return connectorId;
    }
}
