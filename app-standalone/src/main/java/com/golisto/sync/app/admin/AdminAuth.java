package com.golisto.sync.app.admin;

import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.HttpError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks the admin token. The API takes {@code Authorization: Bearer <token>}; the dashboard also takes HTTP
 * Basic with the token as password, or a session: signing in at {@code /login} with the token sets the
 * cookie {@value #SESSION_COOKIE} ({@code HttpOnly; SameSite=Strict}), valid for the session lifetime.
 *
 * <p>A session is {@code issuedAt.nonce.mac}, signed with HMAC-SHA256 under a key derived from the admin token:
 * nothing is kept per session (so no client can grow the runner's memory), and a new admin token ends every
 * session. A request authenticated by its session that changes something must also carry the session's CSRF
 * token (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}), which a page of another site cannot
 * read. Bearer requests need none: browsers never add that header by themselves.
 *
 * <p>Comparisons are constant-time. Thread-safe; time comes from the injected clock.
 */
public final class AdminAuth {
    /** Sessions last this long by default: 12 hours. */
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(12);
    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "golisto_session";
    /** The form field carrying the CSRF token. */
    public static final String CSRF_FIELD = "csrf";
    /** The header carrying the CSRF token (API calls made with the session cookie). */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final byte[] expectedHash;
    private final SecretKeySpec macKey;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final SecureRandom random = new SecureRandom();

    /** @param token the admin token; sessions last {@link #DEFAULT_SESSION_LIFETIME} on the system clock */
    public AdminAuth(Secret token) {
        this(token, Clock.systemUTC(), DEFAULT_SESSION_LIFETIME);
    }

    /**
     * @param token the admin token
     * @param clock tells when sessions were issued and expire
     * @param sessionLifetime how long a session lasts
     */
    public AdminAuth(Secret token, Clock clock, Duration sessionLifetime) {
        byte[] bytes = Objects.requireNonNull(token, "token").bytes();
        this.expectedHash = sha256(bytes);
        this.macKey = new SecretKeySpec(sha256(concat("golisto-sync dashboard session\0".getBytes(StandardCharsets.UTF_8),
                bytes)), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionLifetime = Objects.requireNonNull(sessionLifetime, "sessionLifetime");
    }

    /** How long a session lasts. */
    public Duration sessionLifetime() {
        return sessionLifetime;
    }

    /**
     * Requires the admin token for an API call: a valid bearer token, or a valid session (which for anything
     * but {@code GET}/{@code HEAD} must also send its CSRF token in {@value #CSRF_HEADER}).
     *
     * @throws HttpError 401 when neither is there, 403 when a session's CSRF token is missing or wrong
     */
    public void requireBearer(Exchange ex) {
        Optional<String> header = ex.header("Authorization");
        if (header.isPresent()) {
            String value = header.get().trim();
            if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || !matches(value.substring(7).trim())) {
                throw new HttpError(401, "unauthorized", "the admin token is not valid");
            }
            return;
        }
        Optional<String> session = session(ex);
        if (session.isEmpty()) {
            throw new HttpError(401, "unauthorized", "send the admin token as Authorization: Bearer <token>");
        }
        if (!safeMethod(ex) && !csrfValid(session.get(), ex.header(CSRF_HEADER).orElse(null))) {
            throw csrfRefused();
        }
    }

    /**
     * Requires the admin token for a dashboard action (a form post): a valid bearer token, or a valid session
     * whose CSRF token is the form's {@value #CSRF_FIELD}.
     *
     * @throws HttpError 401 without a session or token, 403 when the CSRF token is missing or wrong
     */
    public void requireAction(Exchange ex, Map<String, String> form) {
        if (bearerValid(ex)) {
            return;
        }
        Optional<String> session = session(ex);
        if (session.isEmpty()) {
            throw new HttpError(401, "unauthorized", "sign in at /login first");
        }
        if (!csrfValid(session.get(), form.get(CSRF_FIELD))) {
            throw csrfRefused();
        }
    }

    /**
     * Whether a request may see the dashboard: a valid session, a valid bearer token, or HTTP Basic with the
     * token as password (any user name).
     */
    public boolean dashboardAllowed(Exchange ex) {
        if (session(ex).isPresent()) {
            return true;
        }
        Optional<String> header = ex.header("Authorization");
        if (header.isEmpty()) {
            return false;
        }
        String value = header.get().trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(value.substring(7).trim());
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon >= 0 && matches(decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether the text is the admin token (constant-time). */
    public boolean tokenMatches(@Nullable String presented) {
        return presented != null && matches(presented.trim());
    }

    /** A new session's cookie value; give it only to a client that presented the token. */
    public String newSession() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String body = clock.millis() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return body + "." + mac("session:" + body);
    }

    /** The request's session cookie value when it is genuine and not expired. */
    public Optional<String> session(Exchange ex) {
        return ex.cookie(SESSION_COOKIE).filter(this::sessionValid);
    }

    /** The CSRF token that goes with a session. */
    public String csrfToken(String session) {
        return mac("csrf:" + session);
    }

    private boolean sessionValid(String value) {
        int last = value.lastIndexOf('.');
        int first = value.indexOf('.');
        if (first <= 0 || last <= first || value.length() > 200) {
            return false;
        }
        String body = value.substring(0, last);
        if (!constantEquals(mac("session:" + body), value.substring(last + 1))) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(value.substring(0, first));
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.millis();
        // a session "issued" in the future (clock set back) is not trusted beyond a minute of skew
        return issued <= now + 60_000 && now - issued < sessionLifetime.toMillis();
    }

    private boolean csrfValid(String session, @Nullable String presented) {
        return presented != null && constantEquals(csrfToken(session), presented.trim());
    }

    private boolean bearerValid(Exchange ex) {
        return ex.header("Authorization").map(String::trim)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> matches(v.substring(7).trim())).orElse(false);
    }

    private static boolean safeMethod(Exchange ex) {
        return ex.method().equals("GET") || ex.method().equals("HEAD");
    }

    private static HttpError csrfRefused() {
        return new HttpError(403, "csrf_token_invalid", "this request needs the page's CSRF token; reload the page");
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(expectedHash, sha256(presented.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean constantEquals(String a, String b) {
        return MessageDigest.isEqual(sha256(a.getBytes(StandardCharsets.UTF_8)), sha256(b.getBytes(StandardCharsets.UTF_8)));
    }

    private String mac(String text) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(macKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
