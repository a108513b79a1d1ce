package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The category endpoints of {@code /wp-json/wc/v3/products/categories}: list (with product counts), get, create.
 */
final class WooCategoryRoutes {

    private final WooStore store;
    private final WooJson json;
    private final Supplier<URI> base;

    WooCategoryRoutes(WooStore store, WooJson json, Supplier<URI> base) {
        this.store = store;
        this.json = json;
        this.base = base;
    }

    EmulatorResponse list(EmulatorRequest req) {
        WooRequests.ListParams params = WooRequests.listParams(req, Set.of("id", "include", "name", "slug",
                "term_group", "description", "count"), "name", true);
        List<WooCategory> all = new ArrayList<>(store.categories().all());
        Comparator<WooCategory> cmp = "id".equals(params.orderby())
                ? Comparator.comparingLong(WooCategory::id)
                : Comparator.comparing(WooCategory::name).thenComparingLong(WooCategory::id);
        all.sort(params.ascending() ? cmp : cmp.reversed());
        Map<Long, Long> counts = new HashMap<>();
        for (WooProduct p : store.allParents()) {
            p.categoryIds.forEach(c -> counts.merge(c, 1L, Long::sum));
        }
        WooSlice<WooCategory> slice = WooSlice.of(all.iterator(), c -> true, params.skip(), params.perPage());
        byte[] body = WooJson.bytes(g -> {
            g.writeStartArray();
            for (WooCategory c : slice.items()) {
                json.category(g, c, counts.getOrDefault(c.id(), 0L));
            }
            g.writeEndArray();
        });
        return WooRequests.paged(req, base.get(), params, slice.total(), body);
    }

    EmulatorResponse get(long id) {
        WooCategory c = store.categories().get(id).orElseThrow(() ->
                new WooError(404, "woocommerce_rest_term_invalid", "Resource does not exist."));
        return EmulatorResponse.json(200, WooJson.bytes(g -> json.category(g, c, 0)));
    }

    EmulatorResponse create(EmulatorRequest req) {
        JsonNode body = WooRequests.body(req);
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            throw new WooError(400, "rest_missing_callback_param", "Missing parameter(s): name",
                    Map.of("params", List.of("name")));
        }
        WooCategory c = store.categories().create(name, body.path("parent").asLong(0));
        return EmulatorResponse.json(201, WooJson.bytes(g -> json.category(g, c, 0)));
    }
}
