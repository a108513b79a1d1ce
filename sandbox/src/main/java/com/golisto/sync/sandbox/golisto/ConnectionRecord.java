package com.golisto.sync.sandbox.golisto;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one connection. Guarded by the {@link GolistoBackend} lock; never handed out.
 * Holds the shop's secrets, hence no {@code toString} that shows them.
 */
final class ConnectionRecord {

    final String id;
    final String storeUrl;
    final String currency;
    GolistoConnectionStatus status = GolistoConnectionStatus.LINKED;
    @Nullable String reason;
    @Nullable Instant approvedAt;
    Instant linkedAt;

    // set when the credentials arrive
    @Nullable String apiToken;
    boolean tokenRevoked;
    @Nullable String consumerKey;
    @Nullable String consumerSecret;
    @Nullable String keyPermissions;
    @Nullable String webhookSecret;
    @Nullable URI webhookUrl;

    /** Listings by external id, in creation order. */
    final Map<String, ListingRecord> listings = new LinkedHashMap<>();

    ConnectionRecord(String id, String storeUrl, String currency, Instant linkedAt) {
        this.id = id;
        this.storeUrl = storeUrl;
        this.currency = currency;
        this.linkedAt = linkedAt;
    }

    boolean tokenUsable() {
        return apiToken != null && !tokenRevoked;
    }

    GolistoConnectionInfo info() {
        return new GolistoConnectionInfo(id, status, reason, storeUrl, currency, approvedAt, consumerKey,
                keyPermissions, webhookUrl, apiToken != null, tokenRevoked, consumerSecret, webhookSecret);
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", " + status + "]";
    }
}
