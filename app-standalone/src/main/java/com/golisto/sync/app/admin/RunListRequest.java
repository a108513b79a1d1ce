package com.golisto.sync.app.admin;

import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.app.http.HttpError;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunQuery;
import com.golisto.sync.core.RunStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /api/stores/{id}/runs}: {@code kind}, {@code status}, {@code since} (an ISO-8601
 * instant), {@code limit} (1 to 500, default 50) and {@code cursor} (the {@code next_cursor} of the previous page,
 * opaque). A bad value is a 400 naming the parameter.
 */
final class RunListRequest {

    static final int DEFAULT_LIMIT = 50;
    private static final String CURSOR_PREFIX = "run:";

    private RunListRequest() {
    }

    /** The engine query the request asks for. */
    static RunQuery parse(Exchange ex) {
        RunKind kind = ex.query("kind").map(v -> named(RunKind.class, v, "kind")).orElse(null);
        RunStatus status = ex.query("status").map(v -> named(RunStatus.class, v, "status")).orElse(null);
        Instant since = ex.query("since").map(RunListRequest::instant).orElse(null);
        int limit = ex.query("limit").map(RunListRequest::limit).orElse(DEFAULT_LIMIT);
        RunId after = ex.query("cursor").map(RunListRequest::decode).orElse(null);
        return new RunQuery(kind, status, since, after, limit);
    }

    /** The opaque cursor of the page after {@code last}, or null when there is none. */
    static @Nullable String cursor(@Nullable RunId last) {
        return last == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + last.value()).getBytes(StandardCharsets.UTF_8));
    }

    private static RunId decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR_PREFIX)) {
                long id = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
                if (id > 0) {
                    return new RunId(id);
                }
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: answered below
        }
        throw HttpError.badRequest("cursor: not a cursor this API gave out");
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= RunQuery.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpError.badRequest("limit: must be a whole number from 1 to " + RunQuery.MAX_LIMIT);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("since: must be an ISO-8601 instant such as 2026-12-04T12:00:00Z");
        }
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String parameter) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            known.append(known.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw HttpError.badRequest(parameter + ": must be one of " + known);
    }
}
