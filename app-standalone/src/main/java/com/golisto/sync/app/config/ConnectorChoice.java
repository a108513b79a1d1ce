package com.golisto.sync.app.config;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A connector a store uses on one side (its shop or its marketplace): the connector's id, as its descriptor
 * declares it, and its raw settings, checked by that connector's descriptor ({@link StoreConnectors}).
 *
 * @param connector the connector's id, e.g. {@code woocommerce}
 * @param settings setting name to raw value (secrets included; never shown by {@link #toString()})
 */
public record ConnectorChoice(String connector, Map<String, String> settings) {
    public ConnectorChoice {
        Objects.requireNonNull(connector, "connector");
        if (connector.isBlank()) {
            throw new IllegalArgumentException("a connector id is required");
        }
        settings = Map.copyOf(settings);
    }

    /** Shows the setting names only. */
    @Override
    public String toString() {
        return connector + new TreeMap<>(settings).keySet();
    }
}
