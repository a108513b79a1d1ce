package com.golisto.sync.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler every request meets: puts the security headers on every answer ({@link #putSecurityHeaders};
 * Jetty's own error pages get them from {@link EdgeErrorHandler}), then refuses a request
 * whose {@code Host} is not this runner's ({@link EdgePolicy#accepts}) with 421 Misdirected Request (400 when
 * there is no {@code Host} at all) before any route sees it.
 */
final class EdgeHandler extends Handler.Wrapper {
    /** The route key refused requests are counted under. */
    static final String REFUSED_ROUTE = "misdirected";

    // inline styles only (the pages have no scripts), forms post back to the runner, nobody frames it
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final EdgePolicy policy;
    private final RequestObserver observer;

    EdgeHandler(Handler next, EdgePolicy policy, RequestObserver observer) {
        super(next);
        this.policy = policy;
        this.observer = observer;
    }

    /**
     * Puts the headers every answer carries, routes' and Jetty's own error pages alike ({@link EdgeErrorHandler}):
     * no MIME sniffing, no framing (the old header and CSP's {@code frame-ancestors}), no referrer.
     */
    static void putSecurityHeaders(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        HttpFields.Mutable headers = response.getHeaders();
        putSecurityHeaders(headers);
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (!policy.accepts(host)) {
            int status = host == null ? 400 : 421;
            byte[] body = Json.error(host == null ? "missing_host" : "misdirected_request",
                    host == null ? "the request names no Host" : "this runner does not answer for that Host")
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.put(HttpHeader.CONNECTION, "close");
            headers.put(HttpHeader.CONTENT_LENGTH, body.length);
            observer.answered(REFUSED_ROUTE, status, Duration.ofNanos(System.nanoTime() - start));
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
