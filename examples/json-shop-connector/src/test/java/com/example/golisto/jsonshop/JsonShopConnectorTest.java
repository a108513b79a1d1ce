package com.example.golisto.jsonshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SyncException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector against the test JSON shop over loopback: paging, change reads, reads by id, errors. */
class JsonShopConnectorTest {
    private static final String KEY = "jsk_live_0123456789abcdef";

    private final JsonShopConnectorProvider provider = new JsonShopConnectorProvider();
    private final TestingConnectorContext context = new TestingConnectorContext();
    private TestJsonShop shop;
    private Connector connector;
    private CatalogSource catalog;

    @BeforeEach
    void start() throws IOException {
        shop = TestJsonShop.start(KEY, "EUR");
        connector = open(shop.url().toString(), KEY);
        catalog = connector.catalogSource().orElseThrow();
    }

    @AfterEach
    void stop() {
        connector.close();
        shop.close();
        context.close();
    }

    private Connector open(String url, String key) {
        return open(Map.of("url", url, "api-key", key));
    }

    private Connector open(Map<String, String> raw) {
        Settings settings = provider.descriptor().validate(raw);
        return provider.open(settings, context);
    }

    private void putSimpleProducts(int count) {
        for (int i = 1; i <= count; i++) {
            shop.put(shop.product("p%04d".formatted(i), "Product " + i, "10.00"));
        }
    }

    private List<Page<Product>> readAllPages() throws InterruptedException {
        List<Page<Product>> pages = new ArrayList<>();
        String token = null;
        do {
            Page<Product> page = catalog.readAll(token);
            pages.add(page);
            token = page.nextPageToken();
        } while (token != null);
        return pages;
    }

    @Test
    void readAll_pagesToTheEnd_everyProductOnceInIdOrder() throws Exception {
        putSimpleProducts(205);

        List<Page<Product>> pages = readAllPages();

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(100, 100, 5);
        List<String> ids = pages.stream().flatMap(p -> p.items().stream()).map(Product::id).toList();
        assertThat(ids).hasSize(205).doesNotHaveDuplicates().isSorted();
        assertThat(shop.requests()).containsExactly("GET /api/products?page=1&per_page=100",
                "GET /api/products?page=2&per_page=100", "GET /api/products?page=3&per_page=100");
        assertThat(context.reported()).containsOnly("GET /products 200");
    }

    @Test
    void readAll_pagesOfThePageSizeSetting() throws Exception {
        putSimpleProducts(5);
        CatalogSource small = open(Map.of("url", shop.url().toString(), "api-key", KEY, "page-size", "2"))
                .catalogSource().orElseThrow();

        Page<Product> first = small.readAll(null);

        assertThat(first.items()).extracting(Product::id).containsExactly("p0001", "p0002");
        assertThat(small.readAll(first.nextPageToken()).items()).extracting(Product::id)
                .containsExactly("p0003", "p0004");
        assertThat(shop.requests()).last().isEqualTo("GET /api/products?page=2&per_page=2");
    }

    @Test
    void open_refusesAPageSizeTheShopDoesNotServe() {
        for (String size : List.of("0", "501")) {
            Throwable thrown = catchThrowable(() -> open(Map.of("url", shop.url().toString(), "api-key", KEY,
                    "page-size", size)));

            assertThat(thrown).isInstanceOf(com.golisto.sync.api.spi.InvalidSettingsException.class)
                    .hasMessageContaining("page-size").hasMessageContaining(size);
        }
    }

    @Test
    void aShopInAFarTimeZone_modifiedAtIsTheInstant_andChangeReadsFindChanges() throws Exception {
        shop.setTimeZone(java.time.ZoneId.of("Pacific/Kiritimati"));
        shop.put(shop.product("old", "Old", "1.00"));
        shop.advance(Duration.ofDays(1));
        Cursor cursor = catalog.readChanged(Cursor.beginning(), null).cursor();
        shop.advance(Duration.ofHours(1));
        Instant changedAt = shop.now();
        shop.put(shop.product("new", "New", "2.00"));

        Page<Product> changed = catalog.readChanged(cursor, null);

        assertThat(cursor.value()).endsWith("+14:00");
        assertThat(changed.items()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("new");
            assertThat(p.modifiedAt()).isEqualTo(changedAt);
        });
    }

    @Test
    void readAll_mapsVariantsPricesCurrencyStockAndStatus() throws Exception {
        ObjectNode hoodie = shop.product("h1", "Hoodie", "39.00").put("sale_price", "29.5").put("status", "draft");
        shop.addVariant(hoodie, "h1-s", Map.of("Size", "S"), "39.00", 2);
        shop.addVariant(hoodie, "h1-m", Map.of("Size", "M"), "41.00", 0);
        ((ObjectNode) hoodie.get("stock")).putNull("quantity");
        shop.put(hoodie);

        Product product = catalog.readAll(null).items().get(0);

        assertThat(product.id()).isEqualTo("h1");
        assertThat(product.title()).isEqualTo("Hoodie");
        assertThat(product.sku()).isEqualTo("SKU-h1");
        assertThat(product.descriptionHtml()).isEqualTo("<p>Hoodie</p>");
        assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(product.price()).isEqualTo(Money.of("39.00", "EUR"));
        assertThat(product.salePrice()).isEqualTo(Money.of("29.50", "EUR"));
        assertThat(product.stock()).isEqualTo(StockLevel.untracked(StockStatus.IN_STOCK));
        assertThat(product.images()).singleElement()
                .satisfies(i -> assertThat(i.url()).isEqualTo("https://img.example/h1.jpg"));
        assertThat(product.categories()).containsExactly("Examples > Hoodie");
        assertThat(product.modifiedAt()).isEqualTo(shop.now());
        assertThat(product.variants()).hasSize(2);
        assertThat(product.variants().get(1).id()).isEqualTo("h1-m");
        assertThat(product.variants().get(1).options()).containsEntry("Size", "M");
        assertThat(product.variants().get(1).price()).isEqualTo(Money.of("41.00", "EUR"));
        assertThat(product.variants().get(1).stock()).isEqualTo(StockLevel.of(0, StockStatus.OUT_OF_STOCK));
    }

    @Test
    void readAll_everyPageCursorIsTheShopsClockWhenTheReadBegan() throws Exception {
        putSimpleProducts(150);
        Instant began = shop.now();

        Page<Product> first = catalog.readAll(null);
        shop.advance(Duration.ofMinutes(5));
        Page<Product> second = catalog.readAll(first.nextPageToken());

        assertThat(second.hasNext()).isFalse();
        assertThat(first.cursor()).isEqualTo(new Cursor(began.toString()));
        assertThat(second.cursor()).isEqualTo(new Cursor(began.toString()));
    }

    @Test
    void readChanged_readsProductsModifiedAtOrAfterTheCursor() throws Exception {
        shop.put(shop.product("old", "Old", "1.00"));
        shop.advance(Duration.ofSeconds(1));
        Cursor cursor = catalog.readAll(null).cursor();
        shop.put(shop.product("same-instant", "Changed at the cursor", "2.00"));
        shop.advance(Duration.ofMillis(1));
        shop.put(shop.product("later", "Changed later", "3.00"));

        Page<Product> changed = catalog.readChanged(cursor, null);

        assertThat(changed.items()).extracting(Product::id).containsExactly("later", "same-instant");
        assertThat(changed.hasNext()).isFalse();
        assertThat(changed.cursor()).isEqualTo(new Cursor(shop.now().toString()));
        assertThat(shop.requests()).last().asString().endsWith("&modified_since=" + cursor.value().replace(":", "%3A"));
    }

    @Test
    void readChanged_fromTheBeginning_readsEverything() throws Exception {
        putSimpleProducts(3);

        assertThat(catalog.readChanged(Cursor.beginning(), null).items()).hasSize(3);
        assertThat(shop.requests()).last().asString().doesNotContain("modified_since");
    }

    @Test
    void readChanged_keepsItsStartCursorUntilTheLastPage_soAProductChangedMeanwhileIsReadAgain() throws Exception {
        putSimpleProducts(150);
        Cursor since = new Cursor(shop.now().minusSeconds(1).toString());
        Instant began = shop.now();

        Page<Product> first = catalog.readChanged(since, null);
        shop.advance(Duration.ofMinutes(1));
        shop.put(shop.product("p0001", "Changed while paging", "11.00")); // on the page already read
        Page<Product> last = catalog.readChanged(since, first.nextPageToken());
        Page<Product> next = catalog.readChanged(last.cursor(), null);

        assertThat(first.cursor()).as("an interrupted read resumes from where it started").isEqualTo(since);
        assertThat(last.cursor()).isEqualTo(new Cursor(began.toString()));
        assertThat(next.items()).extracting(Product::id).contains("p0001");
        assertThat(next.items()).filteredOn(p -> p.id().equals("p0001")).singleElement()
                .satisfies(p -> assertThat(p.title()).isEqualTo("Changed while paging"));
    }

    @Test
    void readMany_findsProductsByTheirOwnOrAVariantsId_eachOnce_unknownIdsAbsent() throws Exception {
        putSimpleProducts(3);
        ObjectNode shirt = shop.product("shirt", "Shirt, blue", "20.00");
        shop.addVariant(shirt, "shirt/s", Map.of("Size", "S"), "20.00", 1);
        shop.put(shirt);

        List<Product> found = catalog.readMany(List.of("p0002", "shirt/s", "shirt", "gone", "p0002"));

        assertThat(found).extracting(Product::id).containsExactlyInAnyOrder("p0002", "shirt");
        assertThat(shop.requests()).containsExactly("GET /api/products?ids=p0002,shirt%2Fs,shirt,gone");
        assertThat(catalog.read("gone")).isEmpty();
        assertThat(catalog.read("shirt/s")).get().extracting(Product::id).isEqualTo("shirt");
        assertThat(catalog.readMany(List.of())).isEmpty();
    }

    @Test
    void storeInfo_readsTheShopsUrlCurrencyAndVersion() throws Exception {
        StoreInfo info = connector.storeInfo().orElseThrow().read();

        assertThat(info.homeUrl()).isEqualTo(URI.create("https://json-shop.example"));
        assertThat(info.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(info.platformVersion()).isEqualTo("test-1");
    }

    @Test
    void credentials_areTheConfiguredKey_andThereIsNoGrantFlow() {
        var issuer = connector.credentialIssuer().orElseThrow();

        assertThat(issuer.currentCredentials()).get().satisfies(c -> {
            assertThat(c.key()).isEqualTo("X-Api-Key");
            assertThat(c.secret().reveal()).isEqualTo(KEY);
        });
        assertThatThrownBy(() -> issuer.authorizationUrl(null)).hasMessageContaining("set api-key");
    }

    @Test
    void tooManyRequests_isRetryable_withTheShopsRetryAfter() {
        shop.failNext(429, "7");

        Throwable thrown = catchThrowable(() -> catalog.readAll(null));

        assertThat(thrown).isInstanceOf(RetryableException.class).hasMessageContaining("answered 429");
        assertThat(((RetryableException) thrown).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(context.reported()).containsExactly("GET /products 429");
    }

    @Test
    void serverErrors_areRetryable() {
        for (int status : new int[] {500, 502, 503, 504, 520}) {
            shop.failNext(status, null);

            Throwable thrown = catchThrowable(() -> catalog.readAll(null));

            assertThat(thrown).as("status %d", status).isInstanceOf(RetryableException.class);
            assertThat(((RetryableException) thrown).retryAfter()).isEmpty();
        }
    }

    @Test
    void otherClientErrors_arePermanent_neitherRetryableNorARejectedKey() {
        for (int status : new int[] {400, 405, 418}) {
            shop.failNext(status, "3");

            Throwable thrown = catchThrowable(() -> catalog.readAll(null));

            assertThat(thrown).as("status %d", status).isInstanceOf(SyncException.class)
                    .isNotInstanceOf(RetryableException.class).isNotInstanceOf(CredentialsRejectedException.class)
                    .hasMessageContaining("answered " + status);
        }
    }

    @Test
    void aRejectedKey_isCredentialsRejected() {
        Connector wrongKey = open(shop.url().toString(), "jsk_live_revoked_key_0000");

        assertThatThrownBy(() -> wrongKey.catalogSource().orElseThrow().readAll(null))
                .isInstanceOf(CredentialsRejectedException.class).hasMessageContaining("answered 401");
        shop.failNext(403, null);
        assertThatThrownBy(() -> catalog.readAll(null))
                .isInstanceOf(CredentialsRejectedException.class).hasMessageContaining("answered 403");
    }

    @Test
    void noShopAtTheUrl_isNotFound() {
        Connector elsewhere = open(shop.url() + "/v9", KEY);

        assertThatThrownBy(() -> elsewhere.catalogSource().orElseThrow().readAll(null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("answered 404");
    }

    @Test
    void aGarbledAnswer_isRetryable() {
        shop.garbleNext("<html>maintenance</html>");
        assertThatThrownBy(() -> catalog.readAll(null)).isInstanceOf(RetryableException.class);

        shop.garbleNext("{\"products\": [{\"id\": \"x\", \"status\": \"active\"}], \"has_more\": false,"
                + " \"as_of\": \"now\"}");
        assertThatThrownBy(() -> catalog.readAll(null)).isInstanceOf(RetryableException.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aResetConnectionOrACutAnswer_isRetryable() {
        shop.resetNext(2);
        assertThatThrownBy(() -> catalog.readAll(null)).isInstanceOf(RetryableException.class);

        shop.truncateNext();
        assertThatThrownBy(() -> catalog.readAll(null)).isInstanceOf(RetryableException.class);
    }

    @Test
    void aShopThatIsDown_isRetryable() {
        shop.close();

        assertThatThrownBy(() -> catalog.readAll(null)).isInstanceOf(RetryableException.class);
        assertThat(context.reported()).containsExactly("GET /products -1");
    }

    @Test
    void theKey_isInNoMessageNorDisplay() {
        List<String> shown = new ArrayList<>();
        for (int status : new int[] {401, 404, 418, 429, 500}) {
            shop.failNext(status, "1");
            shown.add(catchThrowable(() -> catalog.readAll(null)).toString());
        }
        shop.garbleNext("not json");
        shown.add(catchThrowable(() -> catalog.readAll(null)).toString());
        shown.add(String.valueOf(connector));
        shown.add(provider.descriptor().validate(Map.of("url", shop.url().toString(), "api-key", KEY)).toString());
        shown.add(connector.credentialIssuer().orElseThrow().currentCredentials().orElseThrow().toString());
        shown.add(catchThrowable(() -> provider.descriptor().validate(Map.of("url", "ftp://x", "api-key", KEY)))
                .getMessage());

        assertThat(shown).hasSize(10).allSatisfy(text -> assertThat(text).doesNotContain(KEY));
    }
}
