package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The emulator's state and the connection lifecycle: connect codes, credentials, tokens, status and
 * disconnect, and the review hooks tests drive. Catalog, orders and sales live in their own classes but
 * share this object's lock ({@link #lock}) and its connection records.
 *
 * <p>Thread-safe: every read and write of the state happens while holding {@link #lock}.
 */
final class GolistoBackend {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MIN_WEBHOOK_SECRET = 32;
    private static final Set<String> KEY_PERMISSIONS = Set.of("read", "write", "read_write");
    private static final List<String> REQUIRED_CREDENTIALS =
            List.of("code", "store_url", "currency", "consumer_key", "consumer_secret", "webhook_secret");

    final Object lock = new Object();
    final Clock clock;
    final GolistoWebhooks webhooks;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ConnectionRecord> connections = new LinkedHashMap<>();
    private final Map<String, ConnectionRecord> byToken = new HashMap<>();
    private final Map<String, CodeRecord> codes = new HashMap<>();
    private long nextConnection = 1;
    private long nextListing = 1;
    private boolean refuseConnect;
    private boolean autoApprove;

    GolistoBackend(Clock clock, GolistoWebhooks webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /** The emulator clock, at millisecond precision (what the wire shows is what comparisons use). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- the connect page (web host) ----

    EmulatorResponse connectPage(EmulatorRequest request) {
        String storeUrl = requiredParam(request, "store_url");
        String currency = requiredParam(request, "currency");
        String returnUrl = requiredParam(request, "return_url");
        String state = requiredParam(request, "state");
        requireHttpUri(returnUrl, "return_url");
        requireHttpUri(storeUrl, "store_url");
        requireCurrency(currency);
        synchronized (lock) {
            if (refuseConnect) {
                return Json.redirect(appendQuery(returnUrl, "state", state, "error", "access_denied"));
            }
            ConnectionRecord connection = new ConnectionRecord("con_" + nextConnection++, normaliseStoreUrl(storeUrl),
                    currency, now());
            connections.put(connection.id, connection);
            String code = randomToken("gco_", 18);
            codes.put(code, new CodeRecord(connection, now().plus(CODE_LIFETIME)));
            return Json.redirect(appendQuery(returnUrl, "state", state, "code", code));
        }
    }

    // ---- credentials, status, disconnect ----

    EmulatorResponse credentials(EmulatorRequest request) {
        JsonNode body = Json.parseObject(request);
        List<String> problems = new ArrayList<>();
        for (String field : REQUIRED_CREDENTIALS) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                problems.add(field + " is required");
            } else if (!value.isTextual() || value.asText().isBlank()) {
                problems.add(field + " must be a non-empty string");
            }
        }
        String secret = Json.text(body, "webhook_secret");
        if (secret != null && body.get("webhook_secret").isTextual() && secret.length() < MIN_WEBHOOK_SECRET) {
            problems.add("webhook_secret must be at least " + MIN_WEBHOOK_SECRET + " characters long");
        }
        String currency = Json.text(body, "currency");
        if (currency != null && !isKnownCurrency(currency)) {
            problems.add("currency " + currency + " is not a known ISO 4217 code");
        }
        String storeUrl = Json.text(body, "store_url");
        if (storeUrl != null && !isHttpUri(storeUrl)) {
            problems.add("store_url must be an absolute http(s) URL");
        }
        JsonNode permissions = body.get("key_permissions");
        if (permissions != null && !(permissions.isTextual() && KEY_PERMISSIONS.contains(permissions.asText()))) {
            problems.add("key_permissions must be one of read, write, read_write");
        }
        JsonNode webhookUrl = body.get("webhook_url");
        if (webhookUrl != null && !(webhookUrl.isTextual() && isHttpUri(webhookUrl.asText()))) {
            problems.add("webhook_url must be an absolute http(s) URL");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(String.join("; ", problems));
        }
        synchronized (lock) {
            // store_url and currency are required: a missing one was reported above
            ConnectionRecord connection = redeem(body.get("code").asText(), Objects.requireNonNull(storeUrl),
                    Objects.requireNonNull(currency));
            connection.apiToken = randomToken("gol_", 32);
            connection.consumerKey = body.get("consumer_key").asText();
            connection.consumerSecret = body.get("consumer_secret").asText();
            connection.keyPermissions = permissions == null ? "read_write" : permissions.asText();
            connection.webhookSecret = secret;
            connection.webhookUrl = webhookUrl == null ? null : URI.create(webhookUrl.asText());
            connection.status = GolistoConnectionStatus.AWAITING_APPROVAL;
            byToken.put(connection.apiToken, connection);
            if (autoApprove) {
                approveLocked(connection);
            }
            ObjectNode answer = Json.object();
            answer.put("connection_id", connection.id);
            answer.put("api_token", connection.apiToken);
            answer.put("status", connection.status.wireName());
            return EmulatorResponse.json(200, Json.write(answer));
        }
    }

    private ConnectionRecord redeem(String code, String storeUrl, String currency) {
        CodeRecord record = codes.get(code);
        if (record == null) {
            throw new ApiException(400, "invalid_code", "the code is unknown");
        }
        if (record.used) {
            throw new ApiException(400, "invalid_code", "the code was already used");
        }
        if (!now().isBefore(record.expiresAt)) {
            throw new ApiException(400, "invalid_code", "the code expired (codes are valid for 10 minutes)");
        }
        ConnectionRecord connection = record.connection;
        if (!connection.storeUrl.equals(normaliseStoreUrl(storeUrl))) {
            throw ApiException.invalid("store_url does not match the store that was linked with this code");
        }
        if (!connection.currency.equals(currency)) {
            throw ApiException.invalid("currency does not match the currency given on the connect page ("
                    + connection.currency + ")");
        }
        record.used = true;
        return connection;
    }

    /** Resolves the bearer token of a request; 401 when missing, unknown or revoked. Call under the lock. */
    ConnectionRecord authenticate(EmulatorRequest request) {
        String header = request.header("authorization").orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw ApiException.unauthorized("a bearer token is required");
        }
        ConnectionRecord connection = byToken.get(header.substring(7).trim());
        if (connection == null) {
            throw ApiException.unauthorized("the token is invalid");
        }
        if (connection.tokenRevoked) {
            throw ApiException.unauthorized("the token was revoked");
        }
        return connection;
    }

    /** Like {@link #authenticate} and then 403 {@code not_approved} unless approved. Call under the lock. */
    ConnectionRecord approved(EmulatorRequest request) {
        ConnectionRecord connection = authenticate(request);
        if (connection.status != GolistoConnectionStatus.APPROVED) {
            throw ApiException.notApproved(connection.status.wireName());
        }
        return connection;
    }

    EmulatorResponse status(EmulatorRequest request) {
        synchronized (lock) {
            ConnectionRecord connection = authenticate(request);
            ObjectNode answer = Json.object();
            answer.put("connection_id", connection.id);
            answer.put("status", connection.status.wireName());
            answer.put("store_url", connection.storeUrl);
            if (connection.approvedAt == null) {
                answer.putNull("approved_at");
            } else {
                answer.put("approved_at", Json.time(connection.approvedAt));
            }
            answer.put("reason", connection.reason);
            return EmulatorResponse.json(200, Json.write(answer));
        }
    }

    EmulatorResponse disconnect(EmulatorRequest request) {
        synchronized (lock) {
            ConnectionRecord connection = authenticate(request);
            if (connection.status != GolistoConnectionStatus.DISCONNECTED) {
                // a reason Golisto gave earlier (rejection, its own disconnect) is kept
                connection.reason = "disconnected by the store";
            }
            connection.status = GolistoConnectionStatus.DISCONNECTED;
            connection.tokenRevoked = true;
            ObjectNode answer = Json.object();
            answer.put("status", "disconnected");
            return EmulatorResponse.json(200, Json.write(answer));
        }
    }

    // ---- test hooks ----

    void refuseConnect(boolean refuse) {
        synchronized (lock) {
            refuseConnect = refuse;
        }
    }

    void autoApprove(boolean approve) {
        synchronized (lock) {
            autoApprove = approve;
        }
    }

    void approve(String connectionId) {
        synchronized (lock) {
            ConnectionRecord connection = connection(connectionId);
            if (connection.status != GolistoConnectionStatus.AWAITING_APPROVAL) {
                throw new IllegalStateException("only a connection awaiting approval can be approved; "
                        + connectionId + " is " + connection.status.wireName());
            }
            approveLocked(connection);
        }
    }

    private void approveLocked(ConnectionRecord connection) {
        connection.status = GolistoConnectionStatus.APPROVED;
        connection.approvedAt = now();
        connection.reason = null;
        webhooks.enqueue(connection, "connection.approved", null, now());
    }

    void reject(String connectionId, String reason) {
        synchronized (lock) {
            ConnectionRecord connection = connection(connectionId);
            if (connection.status != GolistoConnectionStatus.AWAITING_APPROVAL) {
                throw new IllegalStateException("only a connection awaiting approval can be rejected; "
                        + connectionId + " is " + connection.status.wireName());
            }
            endLocked(connection, reason);
        }
    }

    void disconnectByGolisto(String connectionId, String reason) {
        synchronized (lock) {
            ConnectionRecord connection = connection(connectionId);
            if (connection.status == GolistoConnectionStatus.DISCONNECTED) {
                throw new IllegalStateException(connectionId + " is already disconnected");
            }
            endLocked(connection, reason);
        }
    }

    /**
     * Golisto ends the connection. The token keeps answering the status and disconnect calls (so the engine
     * can read the reason); every catalog, inventory and order call answers 403 {@code not_approved}.
     */
    private void endLocked(ConnectionRecord connection, String reason) {
        connection.status = GolistoConnectionStatus.DISCONNECTED;
        connection.reason = reason;
        if (connection.webhookSecret != null) {
            webhooks.enqueue(connection, "connection.disconnected", null, now());
        }
    }

    ConnectionRecord connection(String connectionId) {
        synchronized (lock) {
            ConnectionRecord connection = connections.get(connectionId);
            if (connection == null) {
                throw new IllegalArgumentException("no connection " + connectionId);
            }
            return connection;
        }
    }

    List<GolistoConnectionInfo> connections() {
        synchronized (lock) {
            return connections.values().stream().map(ConnectionRecord::info).toList();
        }
    }

    String nextListingId() {
        return "lst_" + nextListing++;
    }

    // ---- helpers ----

    private String randomToken(String prefix, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String requiredParam(EmulatorRequest request, String name) {
        return request.queryParam(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> ApiException.invalid("query parameter " + name + " is required"));
    }

    private static void requireHttpUri(String value, String name) {
        if (!isHttpUri(value)) {
            throw ApiException.invalid(name + " must be an absolute http(s) URL");
        }
    }

    private static void requireCurrency(String currency) {
        if (!isKnownCurrency(currency)) {
            throw ApiException.invalid("currency " + currency + " is not a known ISO 4217 code");
        }
    }

    static boolean isKnownCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isHttpUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String normaliseStoreUrl(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String appendQuery(String url, String... pairs) {
        StringBuilder out = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(separator).append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }

    /** A one-time code from the connect page. */
    private static final class CodeRecord {
        final ConnectionRecord connection;
        final Instant expiresAt;
        boolean used;

        CodeRecord(ConnectionRecord connection, Instant expiresAt) {
            this.connection = connection;
            this.expiresAt = expiresAt;
        }
    }
}
