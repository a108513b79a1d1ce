package com.golisto.sync.core.store;

import com.golisto.sync.api.model.ConnectionStatus;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One store the engine serves: a shop connected (or being connected) to a marketplace.
 *
 * @param id the engine's store id; 1..64 letters, digits, '.', '-' or '_'
 * @param shopConnector the shop connector's provider id, e.g. {@code woocommerce}
 * @param marketplaceConnector the marketplace connector's provider id, e.g. {@code golisto}
 * @param status where the connection stands; {@link ConnectionStatus#DISCONNECTED} for a new store
 * @param accountId the marketplace's id of this connection (webhooks are routed by it); null until known
 * @param statusReason why the status is what it is (e.g. a rejection reason); null when none
 * @param generation the last full-pass generation handed out by {@link StateStore#nextGeneration(String)}
 * @param createdAt when the store was created
 * @param updatedAt when the store row last changed
 * @param unreadable why a stored value of the row could not be read (e.g. {@code unreadable stored status
 *     'xyz'}), null when the row is sound; such a store shows {@link ConnectionStatus#DISCONNECTED} and
 *     nothing runs for it until it is connected again
 */
public record StoreRecord(
        String id,
        String shopConnector,
        String marketplaceConnector,
        ConnectionStatus status,
        @Nullable String accountId,
        @Nullable String statusReason,
        long generation,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String unreadable) {

    public StoreRecord {
        Require.storeId(id);
        Require.text(shopConnector, "shop connector id", Limits.NAME);
        Require.text(marketplaceConnector, "marketplace connector id", Limits.NAME);
        Objects.requireNonNull(status, "status");
        Require.optionalText(accountId, "account id", Limits.ID);
        Require.optionalText(statusReason, "status reason", Limits.MESSAGE);
        Require.notNegative(generation, "generation");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A sound row: every stored value was read. */
    public StoreRecord(String id, String shopConnector, String marketplaceConnector, ConnectionStatus status,
            @Nullable String accountId, @Nullable String statusReason, long generation, Instant createdAt,
            Instant updatedAt) {
        this(id, shopConnector, marketplaceConnector, status, accountId, statusReason, generation, createdAt,
                updatedAt, null);
    }

    /** Whether a stored value of the row could not be read ({@link #unreadable()} says which). */
    public boolean failed() {
        return unreadable != null;
    }
}
