package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * JSON helpers of the emulator. The emulator works on Jackson trees rather than bound classes so that
 * it sees exactly what a client sent (a number where a decimal string belongs is an error, not a
 * silent conversion).
 */
final class Json {

    /** The contract's Money pattern. */
    static final Pattern MONEY = Pattern.compile("^-?[0-9]+(\\.[0-9]{1,4})?$");

    /** Thread-safe once configured; never reconfigured. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses a request body; garbage is a 422 validation error. */
    static JsonNode parse(EmulatorRequest request) {
        if (request.bodyLength() == 0) {
            throw ApiException.invalid("a JSON body is required");
        }
        try {
            return MAPPER.readTree(request.body());
        } catch (java.io.IOException e) {
            throw ApiException.invalid("the body is not valid JSON");
        }
    }

    static JsonNode parseObject(EmulatorRequest request) {
        JsonNode node = parse(request);
        if (!node.isObject()) {
            throw ApiException.invalid("the body must be a JSON object");
        }
        return node;
    }

    static EmulatorResponse redirect(String location) {
        return EmulatorResponse.empty(302).withHeader("Location", location);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    static String error(String code, String message) {
        ObjectNode root = object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return write(root);
    }

    static ObjectNode errorNode(String code, String message) {
        ObjectNode error = object();
        error.put("code", code);
        error.put("message", message);
        return error;
    }

    /** RFC 3339 in UTC, whole seconds as in the contract's examples, fractions only when present. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** A text field, or null when absent or JSON null. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
