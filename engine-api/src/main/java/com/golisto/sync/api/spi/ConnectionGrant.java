package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.ConnectionState;
import java.util.Map;
import java.util.Objects;

/**
 * The result of completing a connection: its state and the settings the connector needs from now on
 * (an API token, the connection id), which the engine stores (secrets encrypted) and passes back when it
 * opens the connector again.
 *
 * @param state the connection's state, with its account id
 * @param settings setting name to raw value, all declared by the connector's descriptor
 */
public record ConnectionGrant(ConnectionState state, Map<String, String> settings) {

    public ConnectionGrant {
        Objects.requireNonNull(state, "state");
        settings = Map.copyOf(settings);
    }

    /** Shows the state and the setting names only. */
    @Override
    public String toString() {
        return "ConnectionGrant[state=" + state + ", settings=" + settings.keySet() + "]";
    }
}
