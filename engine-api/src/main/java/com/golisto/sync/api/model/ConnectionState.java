package com.golisto.sync.api.model;

import java.time.Instant;
import com.golisto.sync.api.annotations.Nullable;

/**
 * The marketplace's view of a store's connection.
 *
 * @param status the status
 * @param accountId the marketplace's id for this connection, {@code null} when unknown
 * @param approvedAt when it was approved, {@code null} if not approved
 * @param reason why it was rejected or disconnected, {@code null} when none was given
 */
public record ConnectionState(
        ConnectionStatus status, @Nullable String accountId, @Nullable Instant approvedAt, @Nullable String reason) {

    public ConnectionState {
        Checks.required(status, "connection status");
    }
}
