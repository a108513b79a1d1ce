package com.golisto.sync.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;

/**
 * One request being answered: the Jetty request, its path parameters, bounded body reading and response
 * helpers. A handler answers exactly once (or throws {@link HttpError}). Used on one thread.
 */
public final class Exchange {
    /** The largest request body the runner reads by default: 1 MiB ({@link HttpLimits#maxBodyBytes()}). */
    public static final int MAX_BODY_BYTES = HttpLimits.DEFAULT_MAX_BODY_BYTES;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Map<String, String> pathParams;
    private final String route;
    private final RequestObserver observer;
    private final int maxBodyBytes;
    private final long startNanos = System.nanoTime();
    private boolean answered;
    private boolean bodyRead;

    Exchange(Request request, Response response, Callback callback, Map<String, String> pathParams, String route,
             RequestObserver observer, int maxBodyBytes) {
        this.observer = observer;
        this.maxBodyBytes = maxBodyBytes;
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.pathParams = Map.copyOf(pathParams);
        this.route = route;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return request.getMethod();
    }

    /** The request path, decoded. */
    public String path() {
        return request.getHttpURI().getDecodedPath();
    }

    /** The raw query string, empty when none. */
    public String rawQuery() {
        String q = request.getHttpURI().getQuery();
        return q == null ? "" : q;
    }

    /** The route pattern that matched, e.g. {@code POST /api/stores/{id}/sync}; low cardinality. */
    public String route() {
        return route;
    }

    /** A path parameter of the matched route. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + route + " has no parameter " + name);
        }
        return value;
    }

    /** A query parameter's first value. */
    public Optional<String> query(String name) {
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        return Optional.ofNullable(fields.getValue(name));
    }

    /** A header's first value. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** Every header, names lower-cased, in arrival order. */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    /** A cookie's value, when the request carries it. */
    public Optional<String> cookie(String name) {
        return Request.getCookies(request).stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                .findFirst();
    }

    /**
     * Reads the body as an HTML form ({@code application/x-www-form-urlencoded}, UTF-8): each field's first
     * value. Bounded like {@link #body()}.
     *
     * @throws HttpError 413 when the body is too large, 400 when it is not a form
     */
    public Map<String, String> form() {
        String text = new String(body(), StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("the form could not be read");
        }
        return fields;
    }

    /** The client's address, for logs. */
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    /**
     * Reads the raw body, at most {@link HttpLimits#maxBodyBytes()}. A body that declares a larger length is refused
     * before any of it is read; one that turns out larger while streaming is refused as soon as the limit
     * is passed. Either way nothing of it is kept.
     *
     * @throws HttpError 413 when the body is too large, 400 when it cannot be read
     */
    public byte[] body() {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        bodyRead = true;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            // also a body slower than HttpLimits#minRequestBytesPerSecond: Jetty fails its read
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            throw HttpError.badRequest("the request body could not be read (too slow or cut off)");
        }
    }

    private HttpError tooLarge() {
        return new HttpError(413, "payload_too_large", "request bodies are limited to " + maxBodyBytes + " bytes");
    }

    /** Answers with a JSON text. */
    public void json(int status, String json) {
        send(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with an HTML page. */
    public void html(int status, String html) {
        send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with plain text. */
    public void text(int status, String contentType, String text) {
        send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with no body. */
    public void empty(int status) {
        send(status, null, new byte[0]);
    }

    /** Redirects the browser (303 See Other). */
    public void redirect(String location) {
        response.getHeaders().put(HttpHeader.LOCATION, location);
        send(303, null, new byte[0]);
    }

    /** Adds a response header before answering. */
    public void responseHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /** Whether an answer was sent. */
    boolean answered() {
        return answered;
    }

    private void send(int statusCode, @Nullable String contentType, byte[] body) {
        if (answered) {
            throw new IllegalStateException("already answered " + route);
        }
        answered = true;
        response.setStatus(statusCode);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (!bodyRead && (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING))) {
            // answered without reading the body (refused early): Jetty will not wait for it, so the client must
            // not reuse this connection for its next request
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        // observed before the answer leaves: whoever reads the answer can already see it counted
        observer.answered(route, statusCode, java.time.Duration.ofNanos(System.nanoTime() - startNanos));
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public String toString() {
        return "Exchange[" + route + "]";
    }

    static Exchange of(Request request, Response response, Callback callback, Map<String, String> params,
                       String route, RequestObserver observer, int maxBodyBytes) {
        return new Exchange(Objects.requireNonNull(request), response, callback, params, route, observer, maxBodyBytes);
    }
}
