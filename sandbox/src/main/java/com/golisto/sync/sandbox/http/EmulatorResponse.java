package com.golisto.sync.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer an emulator gives to one request.
 *
 * @param status the HTTP status
 * @param headers the response headers in order (a name may repeat)
 * @param body the body bytes, empty for none
 */
public record EmulatorResponse(int status, List<Header> headers, byte[] body) {

    /**
     * One response header.
     *
     * @param name the header name
     * @param value the header value
     */
    public record Header(String name, String value) {
        /** Validates the header. */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Validates and copies. */
    public EmulatorResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A JSON response.
     *
     * @param status the status
     * @param json the JSON bytes (UTF-8)
     * @return the response
     */
    public static EmulatorResponse json(int status, byte[] json) {
        return new EmulatorResponse(status,
                List.of(new Header("Content-Type", "application/json; charset=UTF-8")), json);
    }

    /**
     * A JSON response from text.
     *
     * @param status the status
     * @param json the JSON text
     * @return the response
     */
    public static EmulatorResponse json(int status, String json) {
        return json(status, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A plain text or HTML response.
     *
     * @param status the status
     * @param contentType the content type
     * @param text the body
     * @return the response
     */
    public static EmulatorResponse text(int status, String contentType, String text) {
        return new EmulatorResponse(status, List.of(new Header("Content-Type", contentType)),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A response without a body.
     *
     * @param status the status
     * @return the response
     */
    public static EmulatorResponse empty(int status) {
        return new EmulatorResponse(status, List.of(), new byte[0]);
    }

    /**
     * Returns a copy with one more header.
     *
     * @param name the header name
     * @param value the value
     * @return a new response
     */
    public EmulatorResponse withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new EmulatorResponse(status, more, body);
    }

    /** Returns a copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body length without copying. */
    public int bodyLength() {
        return body.length;
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the first value of a header, or null. */
    public @Nullable String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "EmulatorResponse[" + status + ", " + body.length + " body bytes]";
    }

    /** Internal: the body array without a copy, for the server's writer. */
    byte[] rawBody() {
        return body;
    }
}
