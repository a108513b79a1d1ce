package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store's category tree, read once per catalog pass from {@code /products/categories} (products
 * name only their own category, not its parents), turning category ids into full paths such as
 * {@code "Clothing > Hoodies"}. Immutable snapshot; the reader swaps in a new one per pass.
 */
final class WooCommerceCategories {

    private record Category(String name, long parent) {
    }

    private final Map<Long, Category> byId;

    private WooCommerceCategories(Map<Long, Category> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    static WooCommerceCategories empty() {
        return new WooCommerceCategories(Map.of());
    }

    /** Reads every page of categories. */
    static WooCommerceCategories load(WooCommerceHttp http) throws InterruptedException {
        Map<Long, Category> all = new HashMap<>();
        int page = 1;
        int pages;
        do {
            WooCommerceHttp.Response r = http.get("/products/categories", "/products/categories",
                    WooCommerceHttp.params("per_page", "100", "page", Integer.toString(page), "orderby", "id",
                            "order", "asc"));
            for (JsonNode c : r.body()) {
                all.put(c.path("id").asLong(), new Category(c.path("name").asText(""), c.path("parent").asLong(0)));
            }
            pages = r.totalPages();
            page++;
        } while (page <= pages);
        return new WooCommerceCategories(all);
    }

    boolean knows(long id) {
        return byId.containsKey(id);
    }

    /**
     * The full path of a category, root first, joined by {@code " > "}; the fallback name when the id is
     * unknown.
     */
    String path(long id, String fallbackName) {
        List<String> names = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long current = id;
        while (current != 0 && seen.add(current)) {
            Category c = byId.get(current);
            if (c == null) {
                break;
            }
            names.add(c.name());
            current = c.parent();
        }
        if (names.isEmpty()) {
            return fallbackName;
        }
        Collections.reverse(names);
        return String.join(" > ", names);
    }
}
