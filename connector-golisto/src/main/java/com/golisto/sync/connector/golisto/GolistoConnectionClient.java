package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.ConnectionState;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.ConnectCompletion;
import com.golisto.sync.api.spi.ConnectRequest;
import com.golisto.sync.api.spi.ConnectionGrant;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.Secret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Golisto connection lifecycle: the connect page on the web host ({@code /woocommerce/connect}),
 * {@code POST /api/woocommerce/connect/credentials} with the one-time code, the shop's key pair and the
 * webhook secret, {@code GET /api/woocommerce/status} and {@code POST /api/woocommerce/disconnect}.
 * Completing a connection hands back the connection id and the api token as settings
 * ({@code connection-id}, {@code api-token}) and starts using them at once. Thread-safe.
 */
final class GolistoConnectionClient implements ConnectionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GolistoConnectionClient.class);
    private static final String CREDENTIALS = "POST /api/woocommerce/connect/credentials";
    private static final String STATUS = "GET /api/woocommerce/status";
    private static final String DISCONNECT = "POST /api/woocommerce/disconnect";

    private final GolistoApiClient api;

    GolistoConnectionClient(GolistoApiClient api) {
        this.api = api;
    }

    @Override
    public URI connectUrl(ConnectRequest request) {
        return URI.create(api.config().webUrl() + "/woocommerce/connect"
                + "?store_url=" + encode(request.storeUrl().toString())
                + "&currency=" + encode(request.currency().getCurrencyCode())
                + "&return_url=" + encode(request.returnUrl().toString())
                + "&state=" + encode(request.state()));
    }

    @Override
    public ConnectionGrant complete(ConnectCompletion completion) throws InterruptedException {
        ObjectNode body = GolistoJson.object();
        body.put("code", completion.code());
        body.put("store_url", completion.storeUrl().toString());
        body.put("currency", completion.currency().getCurrencyCode());
        body.put("consumer_key", completion.shopCredentials().key());
        body.put("consumer_secret", completion.shopCredentials().secret().reveal());
        body.put("key_permissions", completion.shopCredentials().permissions());
        body.put("webhook_secret", completion.webhookSecret().reveal());
        body.put("webhook_url", completion.webhookUrl().toString());
        JsonNode answer = api.success(api.postWithoutToken(CREDENTIALS, "/api/woocommerce/connect/credentials", body));
        String connectionId;
        String token;
        ConnectionStatus status;
        try {
            connectionId = GolistoJson.text(answer, "connection_id");
            token = GolistoJson.text(answer, "api_token");
            status = status(GolistoJson.text(answer, "status"));
        } catch (IllegalArgumentException e) {
            throw new RetryableException("Golisto answered " + CREDENTIALS + " without a usable connection ("
                    + e.getMessage() + ")", null);
        }
        api.connected(connectionId, Secret.of(token));
        LOG.info("store {}: connected to Golisto as {}, status {}", api.context().storeId(), connectionId, status);
        return new ConnectionGrant(new ConnectionState(status, connectionId, null, null),
                Map.of(GolistoConfig.CONNECTION_ID, connectionId, GolistoConfig.API_TOKEN, token));
    }

    @Override
    public ConnectionState status() throws InterruptedException {
        JsonNode answer = api.success(api.get(STATUS, "/api/woocommerce/status"));
        try {
            Instant approvedAt = GolistoJson.optionalInstant(answer, "approved_at");
            return new ConnectionState(status(GolistoJson.text(answer, "status")),
                    GolistoJson.text(answer, "connection_id"), approvedAt, GolistoJson.optionalText(answer, "reason"));
        } catch (RuntimeException e) {
            throw new RetryableException("Golisto answered " + STATUS + " with a status that does not fit the "
                    + "contract (" + e.getMessage() + ")", null);
        }
    }

    @Override
    public void disconnect() throws InterruptedException {
        if (!api.hasToken()) {
            return;
        }
        try {
            api.success(api.post(DISCONNECT, "/api/woocommerce/disconnect", GolistoJson.object()));
        } catch (CredentialsRejectedException alreadyRevoked) {
            // the token no longer works: the connection is already ended, which is what was asked
            LOG.debug("store {}: Golisto token already revoked at disconnect", api.context().storeId());
        }
        api.disconnected();
        LOG.info("store {}: disconnected from Golisto", api.context().storeId());
    }

    private static ConnectionStatus status(String wire) {
        return switch (wire.toLowerCase(Locale.ROOT)) {
            case "linked" -> ConnectionStatus.LINKED;
            case "awaiting_approval" -> ConnectionStatus.AWAITING_APPROVAL;
            case "approved" -> ConnectionStatus.APPROVED;
            case "disconnected" -> ConnectionStatus.DISCONNECTED;
            default -> throw new IllegalArgumentException("unknown connection status '" + wire + "'");
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
