package com.golisto.sync.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One request as an emulator sees it: fully read, immutable.
 *
 * @param method the upper-case HTTP method
 * @param path the raw (still percent-encoded) request path, without query
 * @param rawQuery the raw query string without '?', empty when none
 * @param query the decoded query parameters in request order (a name may repeat)
 * @param headers the request headers, keys lower-case
 * @param body the raw body bytes, empty when none
 * @param remoteAddress the client's IP address
 */
public record EmulatorRequest(String method, String path, String rawQuery, List<Param> query,
                              Map<String, List<String>> headers, byte[] body, String remoteAddress) {

    /**
     * One decoded name/value pair of a query string or form body.
     *
     * @param name the decoded name
     * @param value the decoded value, empty when the pair had no '='
     */
    public record Param(String name, String value) {
        /** Validates the pair. */
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Validates and copies. */
    public EmulatorRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        rawQuery = rawQuery == null ? "" : rawQuery;
        query = List.copyOf(query);
        TreeMap<String, List<String>> copy = new TreeMap<>();
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** Returns a copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the body length without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * Returns the first value of a query parameter.
     *
     * @param name the decoded parameter name
     * @return the decoded value, or empty when absent
     */
    public Optional<String> queryParam(String name) {
        for (Param p : query) {
            if (p.name().equals(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the form parameters of an {@code application/x-www-form-urlencoded} body.
     *
     * @return the decoded pairs, empty when the body is not a form
     */
    public List<Param> formParams() {
        String type = header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return List.of();
        }
        return parseQuery(bodyText());
    }

    /**
     * Parses a query or form string as PHP does ({@code +} is a space, percent escapes decoded).
     *
     * @param raw the raw string, may be null or empty
     * @return the pairs in order
     */
    public static List<Param> parseQuery(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<Param> out = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.add(new Param(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException malformed) {
                out.add(new Param(name, value));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        // headers may carry credentials (Authorization): never print them
        return "EmulatorRequest[" + method + " " + path + ", " + body.length + " body bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
