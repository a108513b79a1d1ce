package com.golisto.sync.app.admin;

import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.HttpError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Cursor pagination of the admin API's lists: {@code limit} (1 to {@value #MAX_LIMIT}, default
 * {@value #DEFAULT_LIMIT}) and {@code cursor} (the {@code next_cursor} of the previous page, opaque) query
 * parameters; a bad one answers 400 {@code invalid_parameter} naming it. A cursor is the position after the
 * last item of its page in the list's stable order, so items added meanwhile never make a page repeat one.
 */
final class Paging {
    /** The page size without {@code limit}. */
    static final int DEFAULT_LIMIT = 50;
    /** The largest page. */
    static final int MAX_LIMIT = 200;

    private Paging() {
    }

    /**
     * One request's page: how many items and after which position.
     *
     * @param limit how many items at most
     * @param after the position the previous page ended at, null for the first page
     */
    record Request(int limit, @Nullable String after) {
        /** The position as a whole number (for lists ordered by a numeric id). */
        @Nullable Long afterNumber() {
            return after == null ? null : Long.parseLong(after);
        }
    }

    /**
     * Reads {@code limit} and {@code cursor}.
     *
     * @param list the list's name, part of its cursors: a cursor of another list is refused
     * @param numeric whether positions in this list are whole numbers
     */
    static Request request(Exchange ex, String list, boolean numeric) {
        return new Request(limit(ex), cursor(ex, list, numeric));
    }

    /** One page of an in-memory list already in its stable order, positions given by {@code key}. */
    static <T> Page<T> page(List<T> ordered, Request request, Function<T, String> key, String list,
                            java.util.Comparator<String> positions) {
        List<T> rest = ordered.stream()
                .filter(t -> request.after() == null || positions.compare(key.apply(t), request.after()) > 0)
                .limit(request.limit() + 1L).toList();
        return page(rest, request.limit(), key, list);
    }

    /**
     * The page from up to {@code limit + 1} items read after the position: the extra one only says that
     * there is a next page.
     */
    static <T> Page<T> page(List<T> items, int limit, Function<T, String> key, String list) {
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        List<T> page = items.subList(0, limit);
        return new Page<>(List.copyOf(page), encode(list, key.apply(page.get(page.size() - 1))));
    }

    /**
     * A page and the cursor of the next one.
     *
     * @param items the items of this page
     * @param nextCursor the cursor of the next page, null when this is the last
     */
    record Page<T>(List<T> items, @Nullable String nextCursor) {
    }

    static String encode(String list, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((list + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static int limit(Exchange ex) {
        Optional<String> text = ex.query("limit");
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static @Nullable String cursor(Exchange ex, String list, boolean numeric) {
        Optional<String> text = ex.query("cursor");
        if (text.isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text.get()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("cursor", "is not a cursor this API gave out (use next_cursor as it is)");
        }
        String prefix = list + ":";
        if (!decoded.startsWith(prefix) || decoded.length() == prefix.length()) {
            throw invalid("cursor", "is not a cursor of this list (use next_cursor as it is)");
        }
        String position = decoded.substring(prefix.length());
        if (numeric) {
            try {
                if (Long.parseLong(position) < 0) {
                    throw invalid("cursor", "is not a cursor this API gave out (use next_cursor as it is)");
                }
            } catch (NumberFormatException e) {
                throw invalid("cursor", "is not a cursor this API gave out (use next_cursor as it is)");
            }
        }
        return position;
    }

    /** A 400 naming the query parameter. */
    static HttpError invalid(String parameter, String message) {
        return new HttpError(400, "invalid_parameter", "parameter " + parameter + " " + message);
    }
}
