package com.golisto.sync.app.admin;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.golisto.sync.app.http.HttpError;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin API's JSON: snake_case names, ISO-8601 instants, and strict reading: unknown fields, wrong
 * types (no coercion of numbers to text or text to numbers) and malformed JSON are refused with a 400 that
 * names the field. Thread-safe.
 */
public final class ApiJson {
    private final ObjectMapper mapper;

    /** Creates the mapper. */
    public ApiJson() {
        JsonMapper m = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            m.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        this.mapper = m;
    }

    /**
     * Reads a request body.
     *
     * @throws HttpError 400 naming the field for malformed JSON, unknown fields, wrong types and bad values
     */
    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new HttpError(400, "invalid_json", "the request needs a JSON body");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new HttpError(400, "invalid_json", "the request body must be a JSON object, not null");
            }
            return value;
        } catch (JsonParseException e) {
            throw new HttpError(400, "invalid_json", "the body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (UnrecognizedPropertyException e) {
            throw new HttpError(400, "unknown_field", "unknown field " + path(e)
                    + known(e.getKnownPropertyIds()));
        } catch (InvalidFormatException e) {
            throw new HttpError(400, "invalid_field", "field " + path(e) + " must be " + expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new HttpError(400, "invalid_json", "the request body must be a JSON object");
            }
            throw new HttpError(400, "invalid_field", "field " + field + " must be " + expected(e.getTargetType()));
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof FieldException fe) {
                String prefix = path(e);
                throw new HttpError(400, "invalid_field", "field " + (prefix.isEmpty() ? "" : prefix + ".")
                        + fe.field() + " " + fe.getMessage());
            }
            throw new HttpError(400, "invalid_field", "field " + path(e) + " is not valid");
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "invalid_json", "the body could not be read as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HttpError(400, "invalid_json", "the body could not be read");
        }
    }

    /**
     * Reads an answer of the admin API (the CLI talking to a serving runner); lenient about fields it
     * does not know.
     *
     * @throws IllegalStateException when the answer is not what the API sends
     */
    public <T> T readAnswer(byte[] body, Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException e) {
            throw new IllegalStateException("the runner answered something unexpected: " + e.getMessage(), e);
        }
    }

    /** Writes a response value. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return " (known: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of type " + type.getSimpleName();
    }
}
