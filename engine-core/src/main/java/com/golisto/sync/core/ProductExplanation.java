package com.golisto.sync.core;

import com.golisto.sync.api.model.Product;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a shop product is (not) on the marketplace: the answer of {@link SyncEngine#explain}. Immutable.
 *
 * @param storeId the store
 * @param productId the shop's product id
 * @param shopProduct the product as the shop has it now (one read through the shop connector); null when the shop
 *     no longer has it
 * @param listed whether the engine holds a listing for it on the marketplace (its mapping)
 * @param listingId the marketplace's listing id, when known
 * @param decision what the engine does with the product as the shop has it now: {@code listable}, or
 *     {@code not listable: REASON} (no price, draft, trashed, removed in shop)
 * @param outcome the ledger's last outcome (listed, unchanged, skipped, failed, deleted); null when no pass
 *     decided on it yet
 * @param reason the ledger's reason (skip reason, the remote's error, why deleted); may be null
 * @param sentAction what was last sent to the marketplace (create, update, delete, stock); may be null
 * @param remoteAnswer the marketplace's answer to it; may be null
 * @param shopVersion the last seen shop version (fingerprint); may be null
 * @param decidedAt when the ledger entry was written; may be null
 * @param recentRuns the store's latest runs, newest first
 * @param marketplace what the marketplace holds for the product, read from it now
 */
public record ProductExplanation(String storeId, String productId, @Nullable Product shopProduct, boolean listed,
        @Nullable String listingId, String decision, @Nullable String outcome, @Nullable String reason,
        @Nullable String sentAction, @Nullable String remoteAnswer, @Nullable String shopVersion,
        @Nullable Instant decidedAt, List<RunView> recentRuns, MarketplaceCopy marketplace) {

    public ProductExplanation {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(decision, "decision");
        recentRuns = List.copyOf(recentRuns);
        Objects.requireNonNull(marketplace, "marketplace");
    }

    /** An explanation without the marketplace's copy ({@link MarketplaceCopy#notRead}). */
    public ProductExplanation(String storeId, String productId, @Nullable Product shopProduct, boolean listed,
            @Nullable String listingId, String decision, @Nullable String outcome, @Nullable String reason,
            @Nullable String sentAction, @Nullable String remoteAnswer, @Nullable String shopVersion,
            @Nullable Instant decidedAt, List<RunView> recentRuns) {
        this(storeId, productId, shopProduct, listed, listingId, decision, outcome, reason, sentAction, remoteAnswer,
                shopVersion, decidedAt, recentRuns, MarketplaceCopy.notRead("not asked"));
    }

    /**
     * The product as the marketplace holds it, read when explaining, and where it differs from the shop.
     *
     * @param listing the listed product as the marketplace answered it; null when it holds none or it could not
     *     be read
     * @param differences the fields in which the listing differs from the shop's product now ({@code title},
     *     {@code status}, {@code price}, {@code sale price}, {@code stock}, {@code variants}); empty when equal
     *     or when either side is missing
     * @param error why the marketplace was not read (not approved, unreachable, refused); null when it was read
     */
    public record MarketplaceCopy(@Nullable Product listing, List<String> differences, @Nullable String error) {
        public MarketplaceCopy {
            differences = List.copyOf(differences);
        }

        /** The marketplace was not read, for this reason. */
        public static MarketplaceCopy notRead(String why) {
            return new MarketplaceCopy(null, List.of(), Objects.requireNonNull(why, "why"));
        }
    }
}
