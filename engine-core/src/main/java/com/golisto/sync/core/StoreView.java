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
 */
public record StoreView(String id, String shopConnectorId, String marketplaceConnectorId, ConnectionStatus status,
        @Nullable String accountId, @Nullable String statusReason, boolean shopCredentialsPresent,
        Instant updatedAt) {

    public StoreView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopConnectorId, "shopConnectorId");
        Objects.requireNonNull(marketplaceConnectorId, "marketplaceConnectorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** True when the marketplace approved the store: synchronisation runs. */
    public boolean approved() {
        return status == ConnectionStatus.APPROVED;
    }

    /** The status reason, when there is one. */
    public Optional<String> reason() {
        return Optional.ofNullable(statusReason);
    }
}
