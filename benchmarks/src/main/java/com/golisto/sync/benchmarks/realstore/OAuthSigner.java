package com.golisto.sync.benchmarks.realstore;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-legged OAuth 1.0a with HMAC-SHA256 as WooCommerce verifies it over plain http (key = secret + "&", every
 * parameter in the query string), signed with the real time: the store refuses timestamps more than 15 minutes
 * off, while the engine under test signs with its test clock. Holds the secret; its {@link #toString()} does not
 * show it.
 */
final class OAuthSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String consumerKey;
    private final String consumerSecret;

    OAuthSigner(String consumerKey, String consumerSecret) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
    }

    /**
     * The full URL for one request: {@code baseUrl} (no query) plus {@code query} (decoded pairs, without any
     * {@code oauth_*} pair) plus fresh OAuth parameters and the signature.
     */
    String signedUrl(String method, String baseUrl, List<Map.Entry<String, String>> query) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.add(Map.entry("oauth_consumer_key", consumerKey));
        all.add(Map.entry("oauth_nonce", HexFormat.of().formatHex(nonce)));
        all.add(Map.entry("oauth_signature_method", "HMAC-SHA256"));
        all.add(Map.entry("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000)));
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : all) {
            encoded.add(new String[] {encode(p.getKey()), encode(p.getValue())});
        }
        encoded.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
        StringBuilder params = new StringBuilder();
        for (String[] e : encoded) {
            params.append(params.isEmpty() ? "" : "&").append(e[0]).append('=').append(e[1]);
        }
        String base = method.toUpperCase(Locale.ROOT) + "&" + encode(baseUrl) + "&" + encode(params.toString());
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec((consumerSecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        all.add(Map.entry("oauth_signature", signature));
        StringBuilder url = new StringBuilder(baseUrl);
        for (int i = 0; i < all.size(); i++) {
            url.append(i == 0 ? '?' : '&').append(encode(all.get(i).getKey())).append('=')
                    .append(encode(all.get(i).getValue()));
        }
        return url.toString();
    }

    /** RFC 3986 percent-encoding (PHP's rawurlencode). */
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

    @Override
    public String toString() {
        return "OAuthSigner[key=..." + consumerKey.substring(Math.max(0, consumerKey.length() - 4)) + "]";
    }
}
