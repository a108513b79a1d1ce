package com.golisto.sync.core.connection;

import com.golisto.sync.core.store.StoreRecord;

/**
 * What the rest of the engine does when a store's connection changes; the connection flows call it and
 * do not know what follows (the scheduling package answers). Called on the thread of the flow, with the
 * store in the MDC.
 */
public interface ConnectionListener {

    /** A store was registered or its settings changed. */
    void registered(StoreRecord record);

    /** The marketplace approved the store (its shop webhooks are registered by then). */
    void approved(String storeId);

    /** The store is being stopped (disconnected): its pending work is dropped. */
    void stopped(String storeId);

    /** The host asked for the store's connection status, and it was polled. */
    void statusPolled(String storeId);
}
