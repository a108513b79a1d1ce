package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.KnownProduct;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.KnownProducts;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.RetryableException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog: {@code GET /products} pages ({@code per_page} up to 100, ordered by id so that
 * concurrent edits never shift pages), the variations of each variable product through
 * {@code /products/{id}/variations} (paged, fetched in parallel within the store's concurrency bound),
 * the category tree and the store currency once per pass.
 *
 * <p>Page tokens are built here ({@code Link} headers are never followed: they echo the used OAuth
 * parameters). Incremental reads send {@code modified_after} as a naive UTC value with
 * {@code dates_are_gmt=true} (the only form a store in any time zone answers correctly), in two phases:
 * {@code status=any}, then {@code status=trash} (WooCommerce's "any" leaves trashed products out). The
 * cursor is the store's own clock ({@code Date} header) at the read's start, minus an overlap.
 * Thread-safe.
 */
final class WooCommerceCatalogReader implements CatalogSource {

    /** WooCommerce's largest page, and so the most ids one {@code include=} list can answer. */
    private static final int MAX_INCLUDE = 100;
    private static final DateTimeFormatter NAIVE_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final WooCommerceHttp http;
    private final ConnectorContext context;
    private final ExecutorService executor;
    private volatile @Nullable WooCommerceCategories categories;
    private volatile @Nullable Currency currency;

    WooCommerceCatalogReader(WooCommerceHttp http, ConnectorContext context, ExecutorService executor) {
        this.http = http;
        this.context = context;
        this.executor = executor;
    }

    @Override
    public Page<Product> readAll(@Nullable String pageToken) throws InterruptedException {
        CatalogPage page = readAll(pageToken, KnownProducts.none());
        return new Page<>(page.products(), page.nextPageToken(), page.cursor());
    }

    @Override
    public CatalogPage readAll(@Nullable String pageToken, KnownProducts known) throws InterruptedException {
        int page;
        Instant cursor;
        if (pageToken == null) {
            refreshPassData();
            page = 1;
            cursor = null;
        } else {
            String[] parts = token(pageToken, "a", 3);
            page = Integer.parseInt(parts[1]);
            cursor = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        }
        WooCommerceHttp.Response r = http.get("/products", "/products", WooCommerceHttp.params(
                "per_page", Integer.toString(http.config().pageSize()), "page", Integer.toString(page),
                "orderby", "id", "order", "asc", "status", "any"));
        if (cursor == null) {
            cursor = startCursor(r);
        }
        Mapped mapped = mapPage(r.body(), known, r.date().orElseGet(() -> context.clock().instant()));
        String next = page < r.totalPages() ? "a|" + (page + 1) + "|" + cursor.getEpochSecond() : null;
        return mapped.page(next, new Cursor(cursor.toString()));
    }

    @Override
    public Page<Product> readChanged(Cursor since, @Nullable String pageToken) throws InterruptedException {
        CatalogPage page = readChanged(since, pageToken, KnownProducts.none());
        return new Page<>(page.products(), page.nextPageToken(), page.cursor());
    }

    @Override
    public CatalogPage readChanged(Cursor since, @Nullable String pageToken, KnownProducts known)
            throws InterruptedException {
        int phase;
        int page;
        Instant start;
        if (pageToken == null) {
            ensurePassData();
            phase = 0;
            page = 1;
            start = null;
        } else {
            String[] parts = token(pageToken, "c", 4);
            phase = Integer.parseInt(parts[1]);
            page = Integer.parseInt(parts[2]);
            start = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        }
        List<Map.Entry<String, String>> query = WooCommerceHttp.params(
                "per_page", Integer.toString(http.config().pageSize()), "page", Integer.toString(page),
                "orderby", "id", "order", "asc", "status", phase == 0 ? "any" : "trash");
        if (!since.isBeginning()) {
            Instant after = Instant.parse(since.value());
            query.add(Map.entry("modified_after", NAIVE_UTC.format(after)));
            query.add(Map.entry("dates_are_gmt", "true"));
        }
        WooCommerceHttp.Response r = http.get("/products", "/products", query);
        if (start == null) {
            start = startCursor(r);
        }
        Mapped mapped = mapPage(r.body(), known, r.date().orElseGet(() -> context.clock().instant()));
        String next;
        if (page < r.totalPages()) {
            next = "c|" + phase + "|" + (page + 1) + "|" + start.getEpochSecond();
        } else if (phase == 0) {
            next = "c|1|1|" + start.getEpochSecond();
        } else {
            next = null;
        }
        // the cursor may move only once every changed product has been returned
        return mapped.page(next, next == null ? new Cursor(start.toString()) : null);
    }

    @Override
    public Optional<Product> read(String productId) throws InterruptedException {
        if (productId == null || !productId.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        ensurePassData();
        JsonNode product;
        try {
            product = http.get("/products/{id}", "/products/" + productId, List.of()).body();
            if ("variation".equals(product.path("type").asText()) && product.path("parent_id").asLong(0) > 0) {
                product = http.get("/products/{id}", "/products/" + product.path("parent_id").asLong(), List.of()).body();
            }
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        List<Product> mapped = mapPage(List.of(product), KnownProducts.none(), Instant.EPOCH).products();
        return mapped.isEmpty() ? Optional.empty() : Optional.of(mapped.get(0));
    }

    /**
     * One {@code GET /products?include=...} per 100 ids. A list query never returns variations nor trashed
     * products, so each id missing from the answer is read on its own: a variation resolves to its parent,
     * a trashed product comes back with its status, and only a 404 makes it absent.
     */
    @Override
    public List<Product> readMany(Collection<String> productIds) throws InterruptedException {
        List<String> ids = numeric(productIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Product> found = included(ids, "any");
        for (String id : ids) {
            if (!found.containsKey(id)) {
                read(id).ifPresent(p -> found.putIfAbsent(p.id(), p));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Two {@code include=} list requests per 100 ids: published (and every other status but trash), then trashed,
     * for the ids the first did not find. An id neither finds is gone: product ids are never variation ids here.
     */
    @Override
    public List<Product> readProducts(Collection<String> productIds) throws InterruptedException {
        List<String> ids = numeric(productIds);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Product> found = included(ids, "any");
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            found.putAll(included(missing, "trash"));
        }
        return List.copyOf(found.values());
    }

    private static List<String> numeric(Collection<String> productIds) {
        return productIds.stream().filter(id -> id != null && id.matches("\\d{1,18}")).distinct().toList();
    }

    /** The products among these ids with this status, by id: one {@code include=} request per 100 ids. */
    private Map<String, Product> included(List<String> ids, String status) throws InterruptedException {
        ensurePassData();
        Map<String, Product> found = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += MAX_INCLUDE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_INCLUDE));
            WooCommerceHttp.Response r = http.get("/products", "/products", WooCommerceHttp.params(
                    "include", String.join(",", chunk), "per_page", Integer.toString(MAX_INCLUDE),
                    "orderby", "id", "order", "asc", "status", status));
            mapPage(r.body(), KnownProducts.none(), Instant.EPOCH).products().forEach(p -> found.put(p.id(), p));
        }
        return found;
    }

    /** The store currency, read at the start of each pass; also used by the other capabilities. */
    Currency currency() throws InterruptedException {
        Currency c = currency;
        if (c == null) {
            c = readCurrency(http);
            currency = c;
        }
        return c;
    }

    static Currency readCurrency(WooCommerceHttp http) throws InterruptedException {
        String code = http.get("/data/currencies/current", "/data/currencies/current", List.of()).body()
                .path("code").asText("");
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw new RetryableException("WooCommerce answered an unknown store currency '" + code + "'", e);
        }
    }

    /** The category tree of this pass; loaded here when a pass resumes from a page token after a restart. */
    private WooCommerceCategories categories() throws InterruptedException {
        WooCommerceCategories tree = categories;
        if (tree == null) {
            tree = WooCommerceCategories.load(http);
            categories = tree;
        }
        return tree;
    }

    private void refreshPassData() throws InterruptedException {
        currency = readCurrency(http);
        categories = WooCommerceCategories.load(http);
    }

    private void ensurePassData() throws InterruptedException {
        if (currency == null || categories == null) {
            refreshPassData();
        }
    }

    private Instant startCursor(WooCommerceHttp.Response r) {
        Instant storeNow = r.date().orElseGet(() -> context.clock().instant());
        return storeNow.minus(http.config().cursorOverlap()).truncatedTo(ChronoUnit.SECONDS);
    }

    /** A page mapped: the products read whole, those unchanged at the engine's version, every version. */
    private record Mapped(List<Product> products, List<String> unchanged, Map<String, String> versions) {
        CatalogPage page(@Nullable String next, @Nullable Cursor cursor) {
            return new CatalogPage(products, unchanged, versions, next, cursor);
        }
    }

    /**
     * Maps a page of product JSON. A variable product whose version equals the one the engine holds is answered
     * unchanged without reading its variations (every other product is mapped from the page itself, which costs no
     * request and catches any change the page shows); the variations of the others are read in bulk by SKU where the
     * engine knows them ({@link WooCommerceVariations}), else per product.
     *
     * @param readAt the store's time of the page read ({@code Date}), which decides which versions have settled
     */
    private Mapped mapPage(Iterable<JsonNode> items, KnownProducts known, Instant readAt) throws InterruptedException {
        List<JsonNode> products = new ArrayList<>();
        items.forEach(products::add);
        WooCommerceCategories loaded = categories();
        boolean unknownCategory = products.stream().anyMatch(p -> {
            for (JsonNode c : p.path("categories")) {
                if (!loaded.knows(c.path("id").asLong())) {
                    return true;
                }
            }
            return false;
        });
        WooCommerceCategories tree = loaded;
        if (unknownCategory) {
            tree = WooCommerceCategories.load(http);
            categories = tree;
        }
        Currency storeCurrency = currency();
        Map<String, KnownProduct> held = products.isEmpty() ? Map.of()
                : known.find(products.stream().map(p -> p.path("id").asText()).toList());
        Map<String, String> versions = new LinkedHashMap<>();
        List<String> unchanged = new ArrayList<>();
        List<JsonNode> whole = new ArrayList<>();
        for (JsonNode p : products) {
            String id = p.path("id").asText();
            String version = WooCommerceVariations.version(p, tree, storeCurrency, readAt);
            if (version != null) {
                versions.put(id, version);
            }
            KnownProduct mine = held.get(id);
            if (version != null && mine != null && version.equals(mine.version())
                    && "variable".equals(p.path("type").asText())) {
                unchanged.add(id);
            } else {
                whole.add(p);
            }
        }
        Map<Long, List<JsonNode>> variations = new WooCommerceVariations(http, executor).read(whole, held);
        List<Product> out = new ArrayList<>(whole.size());
        for (JsonNode p : whole) {
            List<JsonNode> mine = variations.getOrDefault(p.path("id").asLong(), List.of());
            out.add(WooCommerceProductMapper.map(p, mine, tree, storeCurrency));
        }
        return new Mapped(out, unchanged, versions);
    }

    private static String[] token(String token, String kind, int parts) {
        String[] split = token.split("\\|");
        if (split.length != parts || !split[0].equals(kind)) {
            throw new IllegalArgumentException("not a WooCommerce page token of this read: " + token);
        }
        return split;
    }
}
