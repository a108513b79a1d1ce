package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One product's row in the ledger: what the engine last decided about it and why.
 *
 * @param storeId the store
 * @param productId the shop's product id
 * @param shopVersion the last seen shop version (a fingerprint); null when not known
 * @param sentAction what was last sent to the marketplace (create, update, delete, stock); null when nothing
 * @param remoteAnswer the marketplace's answer to it; null when nothing was sent
 * @param outcome listed, unchanged, skipped, failed or deleted
 * @param reason why (skipped: the named reason, failed: the remote's error, deleted: why); may be null
 * @param sku the product's SKU as last seen; null when it has none or it was not seen (a write that does not
 *     know it keeps the one recorded)
 * @param title the product's title as last seen; null when not seen (a write keeps the one recorded)
 * @param updatedAt when it was written; the store sets it on write
 */
public record LedgerEntry(String storeId, String productId, @Nullable String shopVersion, @Nullable String sentAction,
        @Nullable String remoteAnswer, String outcome, @Nullable String reason, @Nullable String sku,
        @Nullable String title, @Nullable Instant updatedAt) {

    /** Listed on the marketplace by the last write. */
    public static final String LISTED = "listed";
    /** The marketplace already holds it as it is, or it is neither offered nor listed. */
    public static final String UNCHANGED = "unchanged";
    /** Not listable; the reason names why. */
    public static final String SKIPPED = "skipped";
    /** The marketplace refused the write; the reason is its error. */
    public static final String FAILED = "failed";
    /** The listing was removed; the reason says why. */
    public static final String DELETED = "deleted";

    public LedgerEntry {
        Require.storeId(storeId);
        Require.text(productId, "product id", Limits.ID);
        Objects.requireNonNull(outcome, "outcome");
        shopVersion = Require.truncateOptional(shopVersion, Limits.FINGERPRINT);
        sentAction = Require.truncateOptional(sentAction, Limits.STATUS);
        remoteAnswer = Require.truncateOptional(remoteAnswer, Limits.MESSAGE);
        reason = Require.truncateOptional(reason, Limits.MESSAGE);
        sku = sku == null || sku.isBlank() ? null : Require.truncate(sku, Limits.ID);
        title = Require.truncateOptional(title, Limits.TITLE);
    }

    /** An entry to write (the store stamps the time). */
    public static LedgerEntry of(String storeId, String productId, @Nullable String shopVersion,
            @Nullable String sentAction, @Nullable String remoteAnswer, String outcome, @Nullable String reason) {
        return new LedgerEntry(storeId, productId, shopVersion, sentAction, remoteAnswer, outcome, reason, null, null,
                null);
    }

    /** This entry with the product's SKU and title as seen now. */
    public LedgerEntry labelled(@Nullable String sku, @Nullable String title) {
        return new LedgerEntry(storeId, productId, shopVersion, sentAction, remoteAnswer, outcome, reason, sku, title,
                updatedAt);
    }
}
