package com.golisto.sync.sandbox.woocommerce;

import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WooCommerce's {@code /wc-auth/v1} key grant: the authorize page, the merchant's approval that POSTs
 * the new keys as JSON to {@code callback_url} (which must answer exactly 200, otherwise the key is
 * deleted) and the redirect to {@code return_url?success=1&user_id=...}.
 */
final class WooWcAuth {

    private static final List<String> PARAMS = List.of("app_name", "scope", "user_id", "return_url", "callback_url");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WooAuth auth;
    private final boolean strictUrls;
    private final AtomicLong keyIds = new AtomicLong(1);
    private final ConcurrentHashMap<String, WcAuthRequest> pending = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    WooWcAuth(WooAuth auth, boolean strictUrls) {
        this.auth = auth;
        this.strictUrls = strictUrls;
    }

    long nextKeyId() {
        return keyIds.incrementAndGet();
    }

    List<WcAuthRequest> pending() {
        return List.copyOf(pending.values());
    }

    /** {@code GET /wc-auth/v1/authorize}: validates and shows the grant page. */
    EmulatorResponse authorize(EmulatorRequest req) {
        for (String p : PARAMS) {
            if (req.queryParam(p).orElse("").isEmpty()) {
                return page(401, "Missing parameter " + p);
            }
        }
        String scope = req.queryParam("scope").orElseThrow();
        if (!List.of("read", "write", "read_write").contains(scope)) {
            return page(401, "Invalid scope " + scope);
        }
        String returnUrl = withScheme(req.queryParam("return_url").orElseThrow());
        String callbackUrl = withScheme(req.queryParam("callback_url").orElseThrow());
        if (!validUrl(returnUrl) || !validUrl(callbackUrl)) {
            return page(401, "The return_url or callback_url is not a valid URL");
        }
        if (strictUrls && !callbackUrl.startsWith("https://")) {
            return page(401, "The callback_url needs to be over SSL");
        }
        String token = HexFormat.of().formatHex(randomBytes());
        WcAuthRequest grant = new WcAuthRequest(token, req.queryParam("app_name").orElseThrow(), scope,
                req.queryParam("user_id").orElseThrow(), returnUrl, callbackUrl);
        pending.put(token, grant);
        String deny = redirect(grant, false).toString();
        return EmulatorResponse.text(200, "text/html; charset=UTF-8", "<!DOCTYPE html><html><body>"
                + "<h1>" + escape(grant.appName()) + " would like to connect to your store</h1>"
                + "<p>This will give \"" + escape(grant.appName()) + "\" " + escape(scope) + " access.</p>"
                + "<a class=\"button-primary wc-auth-approve\" href=\"/wc-auth/v1/access_granted?request=" + token
                + "\">Approve</a> <a class=\"button wc-auth-deny\" href=\"" + escape(deny) + "\">Deny</a>"
                + "</body></html>");
    }

    /** {@code GET /wc-auth/v1/access_granted?request=...}: the merchant clicked Approve. */
    EmulatorResponse accessGranted(EmulatorRequest req) {
        String token = req.queryParam("request").orElse("");
        if (!pending.containsKey(token)) {
            return page(401, "Invalid request");
        }
        WcAuthOutcome outcome = approve(token);
        if (!outcome.approved()) {
            return page(401, "Error: An error occurred in the request and at the time were unable to send the "
                    + "consumer data");
        }
        URI redirect = Objects.requireNonNull(outcome.redirect(), "an approved grant redirects");
        return EmulatorResponse.empty(302).withHeader("Location", redirect.toString());
    }

    /** The merchant approves a pending grant. */
    WcAuthOutcome approve(String token) {
        WcAuthRequest grant = pending.remove(token);
        if (grant == null) {
            throw new IllegalArgumentException("no pending authorization " + token);
        }
        WooApiKey key = WooApiKey.random(nextKeyId(), grant.scope());
        String body = "{\"key_id\":" + key.keyId() + ",\"user_id\":" + quote(grant.userId())
                + ",\"consumer_key\":" + quote(key.consumerKey()) + ",\"consumer_secret\":"
                + quote(key.consumerSecret()) + ",\"key_permissions\":" + quote(key.permissions()) + "}";
        int status = -1;
        if (!strictUrls || grant.callbackUrl().startsWith("https://")) {
            try {
                HttpResponse<Void> resp = http.send(HttpRequest.newBuilder(URI.create(grant.callbackUrl()))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                status = resp.statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (status != 200) {
            return new WcAuthOutcome(false, null, status, null);
        }
        auth.addKey(key);
        return new WcAuthOutcome(true, redirect(grant, true), status, key);
    }

    /** The merchant denies a pending grant: nothing is created or posted. */
    URI deny(String token) {
        WcAuthRequest grant = pending.remove(token);
        if (grant == null) {
            throw new IllegalArgumentException("no pending authorization " + token);
        }
        return redirect(grant, false);
    }

    Optional<String> tokenForUser(String userId) {
        return pending.values().stream().filter(r -> r.userId().equals(userId)).map(WcAuthRequest::token).findFirst();
    }

    private static URI redirect(WcAuthRequest grant, boolean success) {
        String sep = grant.returnUrl().contains("?") ? "&" : "?";
        return URI.create(grant.returnUrl() + sep + "success=" + (success ? 1 : 0) + "&user_id="
                + URLEncoder.encode(grant.userId(), StandardCharsets.UTF_8));
    }

    private static String withScheme(String url) {
        return url.contains("://") ? url : "https://" + url;
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static EmulatorResponse page(int status, String message) {
        return EmulatorResponse.text(status, "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><body><div class=\"wp-die-message\">" + escape(message) + "</div></body></html>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String quote(String s) {
        try {
            return WooJson.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    Map<String, WcAuthRequest> pendingByToken() {
        return Map.copyOf(pending);
    }

    void close() {
        http.shutdownNow();
    }
}
