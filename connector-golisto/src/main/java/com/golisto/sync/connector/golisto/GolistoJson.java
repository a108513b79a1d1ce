package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * JSON helpers of the connector. Works on Jackson trees (no reflective binding, so nothing to open to
 * Jackson). Reading helpers throw {@link IllegalArgumentException} naming the field when an answer does not
 * fit the contract; callers turn that into a retryable "garbled answer" error.
 */
final class GolistoJson {

    /** Configured once, then only used: thread-safe. Decimals stay BigDecimal, never double. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GolistoJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    static Optional<JsonNode> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A required non-blank string field. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing or not a string");
        }
        return value.asText();
    }

    /** An optional string field: null when absent or JSON null. */
    static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An optional free-text field: empty when absent or JSON null (the model's "empty when unknown"). */
    static String textOrEmpty(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? "" : value;
    }

    /** An optional integer field: null when absent or JSON null. */
    static @Nullable Integer optionalInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return value.asInt();
    }

    /** A required RFC 3339 timestamp. */
    static Instant instant(JsonNode node, String field) {
        return OffsetDateTime.parse(text(node, field)).toInstant();
    }

    /** An optional RFC 3339 timestamp. */
    static @Nullable Instant optionalInstant(JsonNode node, String field) {
        String value = optionalText(node, field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    /**
     * A required money field. The contract sends decimal strings; a JSON number is read exactly (as
     * BigDecimal) rather than refused, so one sloppy answer cannot stall a store.
     */
    static Money money(JsonNode node, String field, Currency currency) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        BigDecimal amount = value.isNumber() ? value.decimalValue() : Money.parseAmount(value.asText());
        return Money.of(amount, currency);
    }

    /** An optional money field. */
    static @Nullable Money optionalMoney(JsonNode node, String field, Currency currency) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : money(node, field, currency);
    }

    /** Money as the contract's decimal string, never a JSON number. */
    static String decimal(Money money) {
        return money.amount().toPlainString();
    }
}
