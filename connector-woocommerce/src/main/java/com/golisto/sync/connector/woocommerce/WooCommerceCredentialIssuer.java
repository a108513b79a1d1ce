package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.ShopCredentials;
import com.golisto.sync.api.spi.CredentialIssuer;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.IssuedCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WooCommerce's key grant: the {@code /wc-auth/v1/authorize} URL ({@code read_write} scope, the engine's
 * one-time state as {@code user_id}) and the keys WooCommerce POSTs as JSON to the callback URL (the
 * host must answer exactly 200, or WooCommerce deletes the keys). WooCommerce requires an https callback
 * URL reachable from the store. Keys given in the settings are handed over as they are. No network I/O.
 */
final class WooCommerceCredentialIssuer implements CredentialIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceCredentialIssuer.class);

    private final WooCommerceConfig config;

    WooCommerceCredentialIssuer(WooCommerceConfig config) {
        this.config = config;
    }

    @Override
    public URI authorizationUrl(CredentialRequest request) {
        if (!"https".equals(request.callbackUrl().getScheme())) {
            LOG.warn("the wc-auth callback URL is not https: WooCommerce refuses it (\"The callback_url needs to be "
                    + "over SSL\") unless the store is a sandbox");
        }
        return URI.create(config.storeUrl() + "/wc-auth/v1/authorize?app_name=" + enc(request.appName())
                + "&scope=read_write&user_id=" + enc(request.state()) + "&return_url=" + enc(request.returnUrl().toString())
                + "&callback_url=" + enc(request.callbackUrl().toString()));
    }

    @Override
    public IssuedCredentials parseCallback(InboundRequest request) {
        JsonNode json;
        try {
            json = WooCommerceHttp.MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw new InvalidItemException("wc_auth_not_json", "the key grant callback is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidItemException("wc_auth_not_json", "the key grant callback is not a JSON object");
        }
        String key = json.path("consumer_key").asText("");
        String secret = json.path("consumer_secret").asText("");
        // WooCommerce sends user_id as it got it from the query string: a JSON string, sometimes a number
        String userId = json.path("user_id").isValueNode() ? json.path("user_id").asText("") : "";
        if (key.isBlank() || secret.isBlank() || userId.isBlank()) {
            throw new InvalidItemException("wc_auth_incomplete",
                    "the key grant callback lacks consumer_key, consumer_secret or user_id");
        }
        String permissions = json.path("key_permissions").asText("");
        if (!"read_write".equals(permissions)) {
            throw new InvalidItemException("wc_auth_scope", "the merchant granted '" + permissions
                    + "' keys; orders need read_write");
        }
        return new IssuedCredentials(userId, Map.of(WooCommerceConnectorProvider.CONSUMER_KEY, key,
                WooCommerceConnectorProvider.CONSUMER_SECRET, secret));
    }

    @Override
    public Optional<ShopCredentials> currentCredentials() {
        return config.keys();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
