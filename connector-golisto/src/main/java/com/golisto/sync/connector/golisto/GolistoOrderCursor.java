package com.golisto.sync.connector.golisto;

import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Order;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The position in Golisto's order change stream that the engine stores: the {@code updated_at} of the
 * last processed change and the ids of the orders processed at exactly that instant.
 *
 * <p>Why the ids: {@code updated_after} is exclusive, so resuming from the last {@code updated_at} alone
 * would skip an order changed at the same instant that fell on the next page. The connector therefore asks
 * for {@code updated_after} = that instant minus one nanosecond and drops the orders it already processed
 * at that instant. Encoded as {@code v1;<instant>;<id>,<id>} with URL-encoded ids.
 *
 * @param at the last processed change
 * @param idsAt the orders processed at {@code at}
 */
record GolistoOrderCursor(Instant at, Set<String> idsAt) {

    GolistoOrderCursor {
        Objects.requireNonNull(at, "at");
        idsAt = Set.copyOf(idsAt);
    }

    /**
     * Reads a stored cursor; null for the beginning.
     *
     * @throws IllegalArgumentException when the value was not written by this connector
     */
    static @Nullable GolistoOrderCursor parse(Cursor cursor) {
        if (cursor.isBeginning()) {
            return null;
        }
        String[] parts = cursor.value().split(";", -1);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("not a Golisto order cursor: " + cursor.value());
        }
        try {
            Set<String> ids = parts[2].isEmpty() ? Set.of() : Arrays.stream(parts[2].split(","))
                    .map(id -> URLDecoder.decode(id, StandardCharsets.UTF_8)).collect(Collectors.toSet());
            return new GolistoOrderCursor(Instant.parse(parts[1]), ids);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a Golisto order cursor: " + cursor.value(), e);
        }
    }

    /** The {@code updated_after} to ask for: just before {@link #at}, so that ties are not lost. */
    Instant updatedAfter() {
        return at.minusNanos(1);
    }

    /** True when this order change was already processed. */
    boolean covers(Order order) {
        return order.updatedAt().isBefore(at) || (order.updatedAt().equals(at) && idsAt.contains(order.id()));
    }

    /** The position after also processing these orders (in any order); null while both are empty. */
    static @Nullable GolistoOrderCursor after(@Nullable GolistoOrderCursor start, Collection<Order> orders) {
        GolistoOrderCursor position = start;
        for (Order order : orders) {
            if (position == null || order.updatedAt().isAfter(position.at)) {
                position = new GolistoOrderCursor(order.updatedAt(), Set.of(order.id()));
            } else if (order.updatedAt().equals(position.at)) {
                Set<String> ids = new TreeSet<>(position.idsAt);
                ids.add(order.id());
                position = new GolistoOrderCursor(position.at, ids);
            }
        }
        return position;
    }

    Cursor toCursor() {
        return new Cursor("v1;" + at + ";" + new TreeSet<>(idsAt).stream()
                .map(id -> URLEncoder.encode(id, StandardCharsets.UTF_8)).collect(Collectors.joining(",")));
    }
}
