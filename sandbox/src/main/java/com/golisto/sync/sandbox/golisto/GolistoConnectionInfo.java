package com.golisto.sync.sandbox.golisto;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one connection as Golisto holds it, for tests. The shop's consumer secret and the
 * webhook secret are not readable: tests can only check them with {@link #consumerSecretMatches} and
 * {@link #webhookSecretMatches}, and {@link #toString()} never shows them.
 */
public final class GolistoConnectionInfo {

    private final String connectionId;
    private final GolistoConnectionStatus status;
    private final @Nullable String reason;
    private final String storeUrl;
    private final String currency;
    private final @Nullable Instant approvedAt;
    private final @Nullable String consumerKey;
    private final @Nullable String keyPermissions;
    private final @Nullable URI webhookUrl;
    private final boolean tokenIssued;
    private final boolean tokenRevoked;
    private final @Nullable String consumerSecret;
    private final @Nullable String webhookSecret;

    GolistoConnectionInfo(String connectionId, GolistoConnectionStatus status, @Nullable String reason,
                          String storeUrl, String currency, @Nullable Instant approvedAt,
                          @Nullable String consumerKey, @Nullable String keyPermissions, @Nullable URI webhookUrl,
                          boolean tokenIssued, boolean tokenRevoked, @Nullable String consumerSecret,
                          @Nullable String webhookSecret) {
        this.connectionId = Objects.requireNonNull(connectionId);
        this.status = Objects.requireNonNull(status);
        this.reason = reason;
        this.storeUrl = storeUrl;
        this.currency = currency;
        this.approvedAt = approvedAt;
        this.consumerKey = consumerKey;
        this.keyPermissions = keyPermissions;
        this.webhookUrl = webhookUrl;
        this.tokenIssued = tokenIssued;
        this.tokenRevoked = tokenRevoked;
        this.consumerSecret = consumerSecret;
        this.webhookSecret = webhookSecret;
    }

    /** The connection id Golisto issued. */
    public String connectionId() {
        return connectionId;
    }

    /** The current status. */
    public GolistoConnectionStatus status() {
        return status;
    }

    /** Why it was rejected or disconnected, if a reason was given. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The store URL from the connect page. */
    public String storeUrl() {
        return storeUrl;
    }

    /** The store currency (ISO 4217) the listings must use. */
    public String currency() {
        return currency;
    }

    /** When Golisto approved the store, if it did. */
    public Optional<Instant> approvedAt() {
        return Optional.ofNullable(approvedAt);
    }

    /** The WooCommerce consumer key handed over with the credentials, if they arrived. */
    public Optional<String> consumerKey() {
        return Optional.ofNullable(consumerKey);
    }

    /** The key permissions declared with the credentials ({@code read_write} by default). */
    public Optional<String> keyPermissions() {
        return Optional.ofNullable(keyPermissions);
    }

    /** Where this connection's webhooks go when the engine named a URL. */
    public Optional<URI> webhookUrl() {
        return Optional.ofNullable(webhookUrl);
    }

    /** True once an api_token was issued. */
    public boolean tokenIssued() {
        return tokenIssued;
    }

    /** True once the api_token was revoked (disconnect). */
    public boolean tokenRevoked() {
        return tokenRevoked;
    }

    /** True when {@code candidate} is the consumer secret Golisto received (constant time). */
    public boolean consumerSecretMatches(String candidate) {
        return matches(consumerSecret, candidate);
    }

    /** True when {@code candidate} is the webhook secret Golisto received (constant time). */
    public boolean webhookSecretMatches(String candidate) {
        return matches(webhookSecret, candidate);
    }

    private static boolean matches(@Nullable String held, @Nullable String candidate) {
        return held != null && candidate != null && MessageDigest.isEqual(
                held.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "GolistoConnectionInfo[" + connectionId + ", " + status.wireName()
                + (reason == null ? "" : ", reason=" + reason) + ", store=" + storeUrl + ", " + currency + "]";
    }
}
