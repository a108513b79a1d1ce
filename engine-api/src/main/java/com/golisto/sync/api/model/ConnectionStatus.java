package com.golisto.sync.api.model;

/** Where a store's connection to the marketplace stands. Nothing is synchronised until {@link #APPROVED}. */
public enum ConnectionStatus {
    /** The merchant linked the store; credentials have not been handed over yet. */
    LINKED,
    /** Credentials were handed over; the marketplace reviews the store. */
    AWAITING_APPROVAL,
    /** The marketplace approved the store: synchronisation runs. */
    APPROVED,
    /** Not connected (never connected, rejected, or disconnected). */
    DISCONNECTED
}
