package com.example.golisto.jsonshop;

import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.RetryableException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog: {@code GET /products?page=N&per_page=M[&modified_since=ISO]}, pages in id order, and
 * {@code GET /products?ids=a,b}, where a variant's id finds its product and ids the shop does not have are absent.
 */
final class JsonShopCatalog implements CatalogSource {
    private final JsonShopConnector shop;
    private final int pageSize;

    JsonShopCatalog(JsonShopConnector shop, int pageSize) {
        this.shop = shop;
        this.pageSize = pageSize;
    }

    @Override
    public Page<Product> readAll(@Nullable String pageToken) throws InterruptedException {
        return page(null, pageToken);
    }

    @Override
    public Page<Product> readChanged(Cursor since, @Nullable String pageToken) throws InterruptedException {
        return page(since.isBeginning() ? null : since, pageToken);
    }

    /**
     * The token is {@code <page>@<as_of of page 1>}: the next change read starts from when this one began (the
     * shop's clock), so a product changed while it paged is read again, never missed.
     */
    private Page<Product> page(@Nullable Cursor since, @Nullable String token) throws InterruptedException {
        int page = token == null ? 1 : Integer.parseInt(token.substring(0, token.indexOf('@')));
        ShopPage answer = shop.get("GET /products", "/products?page=" + page + "&per_page=" + pageSize
                + (since == null ? "" : "&modified_since=" + JsonShopConnector.encode(since.value())), ShopPage.class);
        String asOf = token != null ? token.substring(token.indexOf('@') + 1) : answer.asOf();
        Cursor cursor = answer.hasMore() && since != null ? since : new Cursor(asOf); // a change read moves at its end
        return new Page<>(products(answer), answer.hasMore() ? (page + 1) + "@" + asOf : null, cursor);
    }

    @Override
    public Optional<Product> read(String productId) throws InterruptedException {
        return readMany(List.of(productId)).stream().findFirst();
    }

    @Override
    public List<Product> readMany(Collection<String> ids) throws InterruptedException {
        return ids.isEmpty() ? List.of() : products(shop.get("GET /products?ids", "/products?ids="
                + String.join(",", ids.stream().distinct().map(JsonShopConnector::encode).toList()), ShopPage.class));
    }

    private static List<Product> products(ShopPage page) {
        try {
            return page.products().stream().map(ShopProduct::toProduct).toList();
        } catch (RuntimeException e) { // a product the model refuses (no title, a price in no currency, ...)
            throw new RetryableException("the JSON shop answered a product that cannot be read: " + e, e);
        }
    }

    /** A page of the shop's products: {@code {"products": [...], "has_more": true, "as_of": "2026-12-04T10:00Z"}}. */
    record ShopPage(List<ShopProduct> products, boolean hasMore, String asOf) {
    }

    /** A product in the shop's JSON; amounts are decimal strings in its currency; stock: {"quantity", "status"}. */
    record ShopProduct(String id, @Nullable String sku, String title, @Nullable String description,
            ProductStatus status, String currency, String price, @Nullable String salePrice, StockLevel stock,
            List<String> images, List<String> categories, @Nullable String modifiedAt, List<ShopVariant> variants) {

        Product toProduct() {
            return new Product(id, sku, title, description, "", status, money(price), money(salePrice), stock,
                    null, IntStream.range(0, images.size()).mapToObj(i -> new Image(images.get(i), i, "")).toList(),
                    categories, Map.of(), variants.stream().map(v -> new Variant(v.id(), v.sku(), v.options(),
                            money(v.price()), money(v.salePrice()), v.stock(), v.image())).toList(),
                    modifiedAt == null ? null : Instant.parse(modifiedAt));
        }

        private @Nullable Money money(@Nullable String amount) { // a missing price fails in the model's constructors
            return amount == null ? null : Money.of(amount, currency);
        }
    }

    /** A variant in the shop's JSON. */
    record ShopVariant(String id, @Nullable String sku, Map<String, String> options, String price,
            @Nullable String salePrice, StockLevel stock, @Nullable String image) {
    }
}
