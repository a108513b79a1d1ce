package com.golisto.sync.app.admin;

import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.HttpError;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the admin token: {@code Authorization: Bearer <token>} for the API; the dashboard also accepts
 * HTTP Basic with the token as password (so a browser can ask for it) and needs nothing from a loopback
 * client that came through no proxy. Comparison is constant-time (both sides hashed, then compared with
 * {@link MessageDigest#isEqual}), so neither content nor length leaks through timing. Thread-safe.
 */
public final class AdminAuth {
    private final byte[] expectedHash;

    /** @param token the admin token */
    public AdminAuth(Secret token) {
        this.expectedHash = sha256(Objects.requireNonNull(token, "token").bytes());
    }

    /**
     * Requires a valid bearer token.
     *
     * @throws HttpError 401 when it is missing or wrong
     */
    public void requireBearer(Exchange ex) {
        Optional<String> header = ex.header("Authorization");
        if (header.isEmpty()) {
            throw new HttpError(401, "unauthorized", "send the admin token as Authorization: Bearer <token>");
        }
        String value = header.get().trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || !matches(value.substring(7).trim())) {
            throw new HttpError(401, "unauthorized", "the admin token is not valid");
        }
    }

    /**
     * Whether a dashboard request may see the page: a loopback client with no proxy headers, or a valid
     * bearer token, or HTTP Basic with the token as password (any user name).
     */
    public boolean dashboardAllowed(Exchange ex) {
        Optional<String> header = ex.header("Authorization");
        if (header.isPresent()) {
            String value = header.get().trim();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return matches(value.substring(7).trim());
            }
            if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    return colon >= 0 && matches(decoded.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            return false;
        }
        return loopback(ex.remoteAddress()) && ex.header("X-Forwarded-For").isEmpty()
                && ex.header("Forwarded").isEmpty();
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(expectedHash, sha256(presented.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean loopback(String address) {
        // Jetty reports the peer as an IP literal, which getByName parses without a DNS lookup
        if (address == null || !address.matches("[0-9a-fA-F.:\\[\\]%]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AdminAuth[*****]";
    }
}
