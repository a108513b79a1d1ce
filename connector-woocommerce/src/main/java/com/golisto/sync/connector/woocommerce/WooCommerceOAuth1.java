package com.golisto.sync.connector.woocommerce;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-legged OAuth 1.0a as WooCommerce verifies it: no token, key = {@code consumer_secret + "&"}, the
 * base URL without query, and every query parameter signed together with the {@code oauth_*} ones. A
 * fresh nonce and timestamp for every attempt (a retried request is signed anew). Stateless.
 */
final class WooCommerceOAuth1 {

    static final String HMAC_SHA256 = "HMAC-SHA256";
    static final String HMAC_SHA1 = "HMAC-SHA1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] NONCE_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private WooCommerceOAuth1() {
    }

    /** A 32-character random nonce, as the WooCommerce docs recommend. */
    static String nonce() {
        char[] out = new char[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = NONCE_CHARS[RANDOM.nextInt(NONCE_CHARS.length)];
        }
        return new String(out);
    }

    /**
     * The OAuth parameters for one request, signature included.
     *
     * @param method the HTTP method
     * @param baseUrl scheme, host, port and path, no query
     * @param query the request's query parameters (decoded), in any order
     * @param consumerKey the key
     * @param consumerSecret the secret
     * @param epochSecond the timestamp
     * @param nonce a fresh nonce
     * @return {@code oauth_*} name/value pairs to append to the query
     */
    static List<Map.Entry<String, String>> oauthParams(String method, String baseUrl,
                                                       List<Map.Entry<String, String>> query, String consumerKey,
                                                       String consumerSecret, long epochSecond, String nonce) {
        List<Map.Entry<String, String>> oauth = new ArrayList<>(List.of(
                Map.entry("oauth_consumer_key", consumerKey),
                Map.entry("oauth_nonce", nonce),
                Map.entry("oauth_signature_method", HMAC_SHA256),
                Map.entry("oauth_timestamp", Long.toString(epochSecond))));
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.addAll(oauth);
        oauth.add(Map.entry("oauth_signature", sign(method, baseUrl, all, consumerSecret, HMAC_SHA256)));
        return oauth;
    }

    /**
     * The signature: base64(HMAC(METHOD &amp; enc(baseUrl) &amp; enc(sorted k=v pairs joined by &amp;),
     * secret &amp;)), RFC 3986 encoding, pairs sorted by encoded key then value.
     */
    static String sign(String method, String baseUrl, List<Map.Entry<String, String>> params, String consumerSecret,
                       String signatureMethod) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : params) {
            if (!"oauth_signature".equals(p.getKey())) {
                encoded.add(new String[] {encode(p.getKey()), encode(p.getValue())});
            }
        }
        encoded.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
        StringBuilder paramString = new StringBuilder();
        for (String[] e : encoded) {
            paramString.append(paramString.length() == 0 ? "" : "&").append(e[0]).append('=').append(e[1]);
        }
        String base = method.toUpperCase(java.util.Locale.ROOT) + "&" + encode(baseUrl) + "&" + encode(paramString.toString());
        String algorithm = HMAC_SHA1.equals(signatureMethod) ? "HmacSHA1" : "HmacSHA256";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((consumerSecret + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** RFC 3986 percent-encoding (PHP's rawurlencode): unreserved characters stay, the rest is %XX. */
    static String encode(String s) {
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
