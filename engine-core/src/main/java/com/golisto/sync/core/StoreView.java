package com.golisto.sync.core;

import com.golisto.sync.api.model.ConnectionStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A store as the engine sees it. Holds no secrets.
 *
 * @param id the store's id
 * @param shopConnectorId the shop connector's provider id
 * @param marketplaceConnectorId the marketplace connector's provider id
 * @param status where the connection to the marketplace stands; nothing is synchronised before
 *     {@link ConnectionStatus#APPROVED}
 * @param accountId the marketplace's id for the connection, {@code null} until connected
 * @param statusReason why the status is what it is (a rejection or disconnection reason, a rejected
 *     credential), {@code null} when none
 * @param shopCredentialsPresent whether the engine holds API keys for the shop (given in the settings or
 *     obtained through the shop's grant flow); connecting needs them
 * @param updatedAt when the store's record last changed
 * @param error why the engine cannot serve the store at all, {@code null} when it can: a stored value of
 *     the store could not be read (e.g. {@code unreadable stored status 'xyz'}). Such a store shows
 *     {@link ConnectionStatus#DISCONNECTED} with the error as its reason, nothing runs for it, and the other
 *     stores run as usual; connecting it again (or disconnecting it) writes a sound value
 * @param orderPolls how the store's order polls went: scheduled polls that wrote nothing are counted here
 *     instead of being listed as runs, and when the last successful poll finished
 */
public record StoreView(String id, String shopConnectorId, String marketplaceConnectorId, ConnectionStatus status,
        @Nullable String accountId, @Nullable String statusReason, boolean shopCredentialsPresent,
        Instant updatedAt, @Nullable String error, PollCounts orderPolls) {

    public StoreView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopConnectorId, "shopConnectorId");
        Objects.requireNonNull(marketplaceConnectorId, "marketplaceConnectorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(orderPolls, "orderPolls");
    }

    /** A store with no order poll counted yet. */
    public StoreView(String id, String shopConnectorId, String marketplaceConnectorId, ConnectionStatus status,
            @Nullable String accountId, @Nullable String statusReason, boolean shopCredentialsPresent,
            Instant updatedAt, @Nullable String error) {
        this(id, shopConnectorId, marketplaceConnectorId, status, accountId, statusReason, shopCredentialsPresent,
                updatedAt, error, PollCounts.none());
    }

    /** A store the engine can serve ({@link #error()} null). */
    public StoreView(String id, String shopConnectorId, String marketplaceConnectorId, ConnectionStatus status,
            @Nullable String accountId, @Nullable String statusReason, boolean shopCredentialsPresent,
            Instant updatedAt) {
        this(id, shopConnectorId, marketplaceConnectorId, status, accountId, statusReason, shopCredentialsPresent,
                updatedAt, null, PollCounts.none());
    }

    /** True when a stored value of the store could not be read: nothing runs for it ({@link #error()}). */
    public boolean failed() {
        return error != null;
    }

    /** True when the marketplace approved the store: synchronisation runs. */
    public boolean approved() {
        return status == ConnectionStatus.APPROVED && error == null;
    }

    /** The status reason, when there is one. */
    public Optional<String> reason() {
        return Optional.ofNullable(statusReason);
    }
}
