package com.golisto.sync.sandbox.golisto;

import java.util.Locale;

/** The contract's {@code ConnectionStatus}: where one connection stands in the emulator. */
public enum GolistoConnectionStatus {
    /** The merchant completed the connect page; no credentials yet. */
    LINKED,
    /** Credentials received; Golisto reviews the store. */
    AWAITING_APPROVAL,
    /** Approved: catalog, inventory and order calls are allowed. */
    APPROVED,
    /** Rejected, disconnected by Golisto, or disconnected by the engine. */
    DISCONNECTED;

    /** The value on the wire, e.g. {@code awaiting_approval}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
