package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.ConnectionState;
import java.net.URI;

/**
 * Connects a store to a marketplace and follows the connection: the merchant opens
 * {@link #connectUrl}, signs in and comes back with a code; {@link #complete} hands over the shop's
 * credentials; {@link #status} is polled until the marketplace approves the store.
 */
public interface ConnectionLifecycle {

    /** The page the merchant opens to link the store. No network I/O. */
    URI connectUrl(ConnectRequest request);

    /**
     * Completes the connection with the code the merchant came back with.
     *
     * @throws InvalidItemException when the code is unknown, used or expired, or the data is refused
     */
    ConnectionGrant complete(ConnectCompletion completion) throws InterruptedException;

    /**
     * The connection's current state.
     *
     * @throws CredentialsRejectedException when the marketplace no longer accepts this store's token
     */
    ConnectionState status() throws InterruptedException;

    /** Ends the connection; the marketplace revokes the token. Idempotent. */
    void disconnect() throws InterruptedException;
}
