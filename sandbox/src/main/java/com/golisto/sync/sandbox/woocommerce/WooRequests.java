package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Request parsing shared by the routes: JSON bodies, the WordPress collection parameters with their
 * validation, WooCommerce's date filters ({@code dates_are_gmt} semantics included) and pagination
 * headers.
 */
final class WooRequests {

    private WooRequests() {
    }

    /** The collection parameters of one list request. */
    record ListParams(int page, int perPage, int offset, boolean ascending, String orderby) {
        int skip() {
            return offset >= 0 ? offset : (page - 1) * perPage;
        }
    }

    static JsonNode body(EmulatorRequest request) {
        if (request.bodyLength() == 0) {
            return WooJson.MAPPER.createObjectNode();
        }
        try {
            return WooJson.MAPPER.readTree(request.bodyText());
        } catch (IOException e) {
            throw new WooError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
    }

    static ListParams listParams(EmulatorRequest request, Set<String> orderbys, String defaultOrderby,
                                 boolean defaultAscending) {
        int page = intParam(request, "page", 1);
        if (page < 1) {
            throw WooError.invalidParam("page", "page must be greater than or equal to 1");
        }
        int perPage = intParam(request, "per_page", 10);
        if (perPage < 1 || perPage > 100) {
            throw WooError.invalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)");
        }
        int offset = request.queryParam("offset").isPresent() ? intParam(request, "offset", 0) : -1;
        String order = request.queryParam("order").orElse(defaultAscending ? "asc" : "desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw WooError.invalidParam("order", "order is not one of asc and desc.");
        }
        String orderby = request.queryParam("orderby").orElse(defaultOrderby);
        if (!orderbys.contains(orderby)) {
            throw WooError.invalidParam("orderby", "orderby is not one of " + String.join(", ",
                    orderbys.stream().sorted().toList()) + ".");
        }
        return new ListParams(page, perPage, offset, order.equals("asc"), orderby);
    }

    static int intParam(EmulatorRequest request, String name, int fallback) {
        Optional<String> raw = request.queryParam(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            throw WooError.invalidParam(name, name + " is not of type integer.");
        }
    }

    static boolean boolParam(EmulatorRequest request, String name) {
        String v = request.queryParam(name).orElse("false").trim().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    static List<Long> idList(EmulatorRequest request, String name) {
        List<Long> ids = new ArrayList<>();
        for (EmulatorRequest.Param p : request.query()) {
            if (p.name().equals(name) || p.name().equals(name + "[]")) {
                for (String part : p.value().split(",")) {
                    if (!part.isBlank()) {
                        try {
                            ids.add(Long.parseLong(part.trim()));
                        } catch (NumberFormatException e) {
                            throw WooError.invalidParam(name, name + "[0] is not of type integer.");
                        }
                    }
                }
            }
        }
        return ids;
    }

    static List<String> stringList(EmulatorRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (EmulatorRequest.Param p : request.query()) {
            if (p.name().equals(name) || p.name().equals(name + "[]")) {
                for (String part : p.value().split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
        }
        return values;
    }

    /**
     * The instant a date filter compares against, as WordPress builds it: a value with a zone is
     * converted to site-local time, a naive one is taken as is, and the result is compared with the
     * {@code *_gmt} column when {@code dates_are_gmt} is true, else with the site-local column. Hence a
     * naive UTC value without {@code dates_are_gmt} and a {@code Z} value with it are both off by the
     * site's offset, as on a real store.
     */
    static Optional<Instant> dateFilter(EmulatorRequest request, String name, ZoneId siteZone) {
        Optional<String> raw = request.queryParam(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return Optional.empty();
        }
        String text = raw.get().trim().replace(' ', 'T');
        LocalDateTime value;
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}(:?\\d{2})?$")) {
                OffsetDateTime zoned = OffsetDateTime.parse(text.endsWith("Z") ? text : text.replaceAll(
                        "([+-]\\d{2})(\\d{2})$", "$1:$2"));
                value = zoned.atZoneSameInstant(siteZone).toLocalDateTime();
            } else {
                value = LocalDateTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            throw WooError.invalidParam(name, "Invalid date.");
        }
        boolean gmtColumn = boolParam(request, "dates_are_gmt");
        return Optional.of(gmtColumn ? value.toInstant(ZoneOffset.UTC) : value.atZone(siteZone).toInstant());
    }

    /** Adds the after/before predicates of one date pair to a filter. */
    static <T> Predicate<T> dateRange(Predicate<T> filter, Optional<Instant> after, Optional<Instant> before,
                                      java.util.function.Function<T, Instant> column) {
        Predicate<T> f = filter;
        if (after.isPresent()) {
            Instant a = after.get();
            f = f.and(t -> column.apply(t).isAfter(a));
        }
        if (before.isPresent()) {
            Instant b = before.get();
            f = f.and(t -> column.apply(t).isBefore(b));
        }
        return f;
    }

    /** A 200 list answer with {@code X-WP-Total}, {@code X-WP-TotalPages} and a prev/next {@code Link}. */
    static EmulatorResponse paged(EmulatorRequest request, URI base, ListParams params, int total, byte[] json) {
        int pages = (int) Math.ceil(total / (double) params.perPage());
        EmulatorResponse resp = EmulatorResponse.json(200, json)
                .withHeader("X-WP-Total", Integer.toString(total))
                .withHeader("X-WP-TotalPages", Integer.toString(pages));
        List<String> links = new ArrayList<>();
        int page = params.page();
        if (page > 1) {
            int prev = Math.min(page - 1, Math.max(pages, 1));
            links.add("<" + pageUrl(request, base, prev) + ">; rel=\"prev\"");
        }
        if (page < pages) {
            links.add("<" + pageUrl(request, base, page + 1) + ">; rel=\"next\"");
        }
        return links.isEmpty() ? resp : resp.withHeader("Link", String.join(", ", links));
    }

    /** Like WordPress, the link copies every query parameter of the request, oauth_* ones included. */
    private static String pageUrl(EmulatorRequest request, URI base, int page) {
        StringBuilder sb = new StringBuilder(base.toString()).append(request.path()).append('?');
        boolean first = true;
        for (EmulatorRequest.Param p : request.query()) {
            if (p.name().equals("page")) {
                continue;
            }
            sb.append(first ? "" : "&").append(WooAuth.rawUrlEncode(p.name())).append('=')
                    .append(WooAuth.rawUrlEncode(p.value()));
            first = false;
        }
        return sb.append(first ? "" : "&").append("page=").append(page).toString();
    }
}
