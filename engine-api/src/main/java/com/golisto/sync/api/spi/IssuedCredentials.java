package com.golisto.sync.api.spi;

import java.util.Map;
import java.util.Objects;

/**
 * API keys a shop issued through its grant flow.
 *
 * @param state the one-time value of the {@link CredentialRequest}, echoed back
 * @param settings the connector settings that hold the keys (name to raw value), to store and open the
 *     connector with
 */
public record IssuedCredentials(String state, Map<String, String> settings) {

    public IssuedCredentials {
        Objects.requireNonNull(state, "state");
        settings = Map.copyOf(settings);
    }

    /** Shows the setting names only. */
    @Override
    public String toString() {
        return "IssuedCredentials[settings=" + settings.keySet() + "]";
    }
}
