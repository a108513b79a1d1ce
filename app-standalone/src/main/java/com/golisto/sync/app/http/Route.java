package com.golisto.sync.app.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A method and a path pattern ({@code /api/stores/{id}/sync}; a {@code {name}} matches one non-empty
 * segment) and what answers it.
 *
 * @param method the HTTP method, upper case
 * @param pattern the path pattern, starting with {@code /}
 * @param handler what answers a matching request
 */
public record Route(String method, String pattern, Handler handler) {
    /** Answers one request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers through the exchange, or throws {@link HttpError}.
         *
         * @throws Exception anything else becomes a 500 without details
         */
        void handle(Exchange exchange) throws Exception;
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(handler, "handler");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with /: " + pattern);
        }
    }

    /** A GET route. */
    public static Route get(String pattern, Handler handler) {
        return new Route("GET", pattern, handler);
    }

    /** A POST route. */
    public static Route post(String pattern, Handler handler) {
        return new Route("POST", pattern, handler);
    }

    /** The key metrics and logs name this route by, e.g. {@code POST /webhooks/golisto}. */
    public String key() {
        return method + " " + pattern;
    }

    /** The path parameters when the path matches the pattern, else empty. Ignores the method. */
    Optional<Map<String, String>> match(String path) {
        List<String> want = segments(pattern);
        List<String> have = segments(path);
        if (want.size() != have.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            String h = have.get(i);
            if (w.startsWith("{") && w.endsWith("}")) {
                if (h.isEmpty()) {
                    return Optional.empty();
                }
                params.put(w.substring(1, w.length() - 1), h);
            } else if (!w.equals(h)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String s : p.split("/", -1)) {
            out.add(s);
        }
        return out;
    }
}
