package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * One answer from Golisto: status, headers and the raw body, parsed as JSON on demand. Never holds request
 * headers, so it carries no token.
 *
 * @param endpoint the metrics name of the call, for messages
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the raw body
 */
record GolistoResponse(String endpoint, int status, HttpHeaders headers, byte[] body) {

    /** The body as JSON, empty when it is empty or not JSON. */
    Optional<JsonNode> json() {
        return GolistoJson.parse(body);
    }

    /** {@code error.code} of the contract's error body. */
    Optional<String> errorCode() {
        return json().map(j -> j.path("error").path("code")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /** {@code error.message} of the contract's error body. */
    Optional<String> errorMessage() {
        return json().map(j -> j.path("error").path("message")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /** A short description of a body that is not what was expected (size and content type, not content). */
    String contentHint() {
        return " (" + body.length + " bytes of " + headers.firstValue("Content-Type").orElse("no content type") + ")";
    }

    @Override
    public String toString() {
        return "GolistoResponse[" + endpoint + " -> " + status + ", " + body.length + " bytes]";
    }
}
