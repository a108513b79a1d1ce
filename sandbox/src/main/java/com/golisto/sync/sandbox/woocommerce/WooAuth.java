package com.golisto.sync.sandbox.woocommerce;

import com.golisto.sync.sandbox.http.EmulatorRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WooCommerce's REST authentication ({@code class-wc-rest-authentication.php}), checked for real:
 * HTTP Basic (and {@code ?consumer_key=}) only when the store believes it is on HTTPS, otherwise
 * one-legged OAuth 1.0a with HMAC-SHA1/SHA256 over every query and form parameter, a ±15 minute
 * timestamp window against the emulator's clock and single-use nonces. Errors carry WooCommerce's
 * exact codes and messages.
 */
final class WooAuth {

    private static final List<String> OAUTH_PARAMS = List.of(
            "oauth_consumer_key", "oauth_timestamp", "oauth_nonce", "oauth_signature", "oauth_signature_method");
    private static final long WINDOW_SECONDS = 15 * 60;
    private static final Pattern HEADER_PARAM = Pattern.compile("([A-Za-z0-9_\\-]+)=\"([^\"]*)\"");

    private final Clock clock;
    private final boolean httpsMode;
    private final ConcurrentHashMap<String, WooApiKey> keys = new ConcurrentHashMap<>();
    /** Per key: timestamp to nonce, as WooCommerce stores them (one nonce per timestamp). */
    private final ConcurrentHashMap<String, TreeMap<Long, String>> nonces = new ConcurrentHashMap<>();

    WooAuth(Clock clock, boolean httpsMode) {
        this.clock = clock;
        this.httpsMode = httpsMode;
    }

    void addKey(WooApiKey key) {
        keys.put(key.consumerKey(), key);
    }

    void removeKey(String consumerKey) {
        keys.remove(consumerKey);
        nonces.remove(consumerKey);
    }

    Collection<WooApiKey> keys() {
        return keys.values();
    }

    boolean httpsMode() {
        return httpsMode;
    }

    /**
     * Authenticates a request.
     *
     * @param baseUri the emulator's own base URI (scheme replaced by https in https mode)
     * @return the key, or empty when the request carries no usable credentials (unauthenticated)
     * @throws WooError when credentials are present but wrong
     */
    Optional<WooApiKey> authenticate(EmulatorRequest request, URI baseUri) {
        if (httpsMode) {
            Optional<WooApiKey> basic = basic(request);
            if (basic.isPresent()) {
                return basic;
            }
        }
        return oauth(request, baseUri);
    }

    /** Checks the key's permissions for the method, as {@code check_user_permissions} does. */
    static void checkPermissions(WooApiKey key, String method) {
        switch (method) {
            case "GET", "HEAD" -> {
                if (!key.canRead()) {
                    throw new WooError(401, "woocommerce_rest_authentication_error",
                            "The API key provided does not have read permissions.");
                }
            }
            case "POST", "PUT", "PATCH", "DELETE" -> {
                if (!key.canWrite()) {
                    throw new WooError(401, "woocommerce_rest_authentication_error",
                            "The API key provided does not have write permissions.");
                }
            }
            default -> { }
        }
    }

    private Optional<WooApiKey> basic(EmulatorRequest request) {
        String ck = request.queryParam("consumer_key").orElse("");
        String cs = request.queryParam("consumer_secret").orElse("");
        if (ck.isEmpty() || cs.isEmpty()) {
            ck = "";
            cs = "";
            String header = request.header("authorization").orElse("");
            if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    decoded = "";
                }
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    ck = decoded.substring(0, colon);
                    cs = decoded.substring(colon + 1);
                }
            }
        }
        if (ck.isEmpty() || cs.isEmpty()) {
            return Optional.empty();
        }
        WooApiKey key = keys.get(ck);
        if (key == null) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(key.consumerSecret().getBytes(StandardCharsets.UTF_8),
                cs.getBytes(StandardCharsets.UTF_8))) {
            throw new WooError(401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.",
                    Map.of()).withBasicChallenge();
        }
        return Optional.of(key);
    }

    private Optional<WooApiKey> oauth(EmulatorRequest request, URI baseUri) {
        TreeMap<String, String> params = new TreeMap<>();
        for (EmulatorRequest.Param p : request.query()) {
            params.put(p.name(), p.value());
        }
        for (EmulatorRequest.Param p : request.formParams()) {
            params.put(p.name(), p.value());
        }
        String header = request.header("authorization").orElse("");
        if (header.regionMatches(true, 0, "OAuth ", 0, 6)) {
            Matcher m = HEADER_PARAM.matcher(header.substring(6));
            while (m.find()) {
                params.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : OAUTH_PARAMS) {
            if (params.getOrDefault(name, "").isEmpty()) {
                missing.add(name);
            }
        }
        if (missing.size() == OAUTH_PARAMS.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new WooError(401, "woocommerce_rest_authentication_missing_parameter",
                    "Missing OAuth parameter " + String.join(", ", missing));
        }
        WooApiKey key = keys.get(params.get("oauth_consumer_key"));
        if (key == null) {
            throw new WooError(401, "woocommerce_rest_authentication_error", "Consumer key is invalid.");
        }
        String scheme = httpsMode ? "https" : "http";
        String baseUrl = scheme + "://" + baseUri.getHost() + ":" + baseUri.getPort() + request.path();
        // every OAUTH_PARAMS entry is present from here on: a missing one was answered above
        String consumerSignature = present(params, "oauth_signature").replace(' ', '+');
        params.remove("oauth_signature");
        String method = present(params, "oauth_signature_method");
        if (!"HMAC-SHA1".equals(method) && !"HMAC-SHA256".equals(method)) {
            throw new WooError(401, "woocommerce_rest_authentication_error",
                    "Invalid signature - signature method is invalid.");
        }
        String expected = sign(request.method(), baseUrl, params, key.consumerSecret(), method);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                consumerSignature.getBytes(StandardCharsets.UTF_8))) {
            throw new WooError(401, "woocommerce_rest_authentication_error",
                    "Invalid signature - provided signature does not match.");
        }
        checkTimestampAndNonce(key, present(params, "oauth_timestamp"), present(params, "oauth_nonce"));
        return Optional.of(key);
    }

    private static String present(Map<String, String> params, String name) {
        return Objects.requireNonNull(params.get(name), name);
    }

    private void checkTimestampAndNonce(WooApiKey key, String timestampText, String nonce) {
        long now = clock.instant().getEpochSecond();
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        } catch (NumberFormatException e) {
            timestamp = 0;
        }
        if (timestamp < now - WINDOW_SECONDS || timestamp > now + WINDOW_SECONDS) {
            throw new WooError(401, "woocommerce_rest_authentication_error", "Invalid timestamp.");
        }
        TreeMap<Long, String> used = nonces.computeIfAbsent(key.consumerKey(), k -> new TreeMap<>());
        synchronized (used) {
            if (used.containsValue(nonce)) {
                throw new WooError(401, "woocommerce_rest_authentication_error",
                        "Invalid nonce - nonce has already been used.");
            }
            used.put(timestamp, nonce);
            used.headMap(now - WINDOW_SECONDS).clear();
        }
    }

    /**
     * The OAuth 1.0a signature as WooCommerce computes it: parameters sorted by raw key (strcmp), each
     * {@code rawurlencode(k)=rawurlencode(v)} pair encoded again and joined with {@code %26}.
     */
    static String sign(String httpMethod, String baseUrl, Map<String, String> params, String secret,
                       String signatureMethod) {
        TreeMap<String, String> sorted = new TreeMap<>(WooAuth::strcmp);
        sorted.putAll(params);
        sorted.remove("oauth_signature");
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            pairs.add(rawUrlEncode(rawUrlEncode(e.getKey()) + "=" + rawUrlEncode(e.getValue())));
        }
        String base = httpMethod.toUpperCase(java.util.Locale.ROOT) + "&" + rawUrlEncode(baseUrl) + "&"
                + String.join("%26", pairs);
        String algorithm = "HMAC-SHA1".equals(signatureMethod) ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    private static int strcmp(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    /** PHP's rawurlencode: RFC 3986 unreserved characters stay, everything else is %XX (upper case). */
    static String rawUrlEncode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
