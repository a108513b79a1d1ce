package com.golisto.sync.api.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request received by the host on a connector's behalf (a webhook delivery, a credential
 * callback), with its raw body: verification must run on the exact bytes before any parsing.
 *
 * @param method the HTTP method, upper case
 * @param path the request path
 * @param query the raw query string, empty when none
 * @param headers header name (lower-cased here) to values
 * @param body the raw body, possibly empty; not copied on access, do not modify
 */
public record InboundRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    public InboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        Objects.requireNonNull(headers, "headers");
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Shows method, path and body size; never the headers (they carry signatures). */
    @Override
    public String toString() {
        return "InboundRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}
