package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.KnownProduct;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.KnownProducts;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooCommerceCatalogReaderTest {

    private WooFixture fx;
    private CatalogSource source;

    @BeforeEach
    void start() throws Exception {
        fx = WooFixture.withSampleCatalog(Map.of("page-size", "5"));
        source = fx.connector.catalogSource().orElseThrow();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private List<Product> readAll() throws InterruptedException {
        List<Product> all = new ArrayList<>();
        String token = null;
        do {
            Page<Product> page = source.readAll(token);
            all.addAll(page.items());
            token = page.nextPageToken();
        } while (token != null);
        return all;
    }

    private List<Product> readChanged(Cursor since) throws InterruptedException {
        List<Product> all = new ArrayList<>();
        String token = null;
        do {
            Page<Product> page = source.readChanged(since, token);
            all.addAll(page.items());
            token = page.nextPageToken();
        } while (token != null);
        return all;
    }

    @Test
    void sampleCatalog_readEndToEnd_exactProductAndVariationCounts() throws Exception {
        List<Product> all = readAll();
        assertThat(all).hasSize(18);
        assertThat(all.stream().filter(p -> p.status() == ProductStatus.ACTIVE)).hasSize(16);
        assertThat(all.stream().mapToInt(p -> p.variants().size()).sum()).isEqualTo(7);
        Map<String, Product> byId = all.stream().collect(Collectors.toMap(Product::id, Function.identity()));
        assertThat(byId.get("44").variants()).hasSize(3);
        assertThat(byId.get("45").variants()).hasSize(4);
        // grouped (87) and external (89) products are deliberately never offered
        assertThat(byId.get("87").status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(byId.get("89").status()).isEqualTo(ProductStatus.DRAFT);
        // 18 products in pages of 5, one variation call per variable product, categories and currency once
        assertThat(fx.context.count("GET /products")).isEqualTo(4);
        assertThat(fx.context.count("GET /products/{id}/variations")).isEqualTo(2);
        assertThat(fx.context.count("GET /products/categories")).isEqualTo(1);
        assertThat(fx.context.count("GET /data/currencies/current")).isEqualTo(1);
        assertThat(fx.emulator.requests().count("GET /wp-json/wc/v3/products")).isEqualTo(4);
    }

    @Test
    void mapping_pricesStockCategoriesDatesAndHtmlAreFaithful() throws Exception {
        Map<String, Product> byId = readAll().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        Product beanie = byId.get("48");
        assertThat(beanie.price()).isEqualTo(Money.of("20", "EUR"));
        assertThat(beanie.salePrice()).isEqualTo(Money.of("18.00", "EUR"));
        assertThat(beanie.stock()).isEqualTo(StockLevel.untracked(StockStatus.IN_STOCK));
        assertThat(beanie.categories()).containsExactly("Clothing > Accessories");
        assertThat(beanie.modifiedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(beanie.sku()).isEqualTo("woo-beanie");
        assertThat(beanie.images()).hasSize(1);
        Product tshirt = byId.get("47");
        assertThat(tshirt.salePrice()).as("an empty sale price is no sale").isNull();
        Product hoodie = byId.get("45");
        assertThat(hoodie.categories()).containsExactly("Clothing > Hoodies");
        assertThat(hoodie.price()).isEqualTo(Money.of("45", "EUR"));
        assertThat(hoodie.attributes()).containsEntry("Logo", List.of("Yes", "No"));
        Variant red = hoodie.variants().stream().filter(v -> v.id().equals("79")).findFirst().orElseThrow();
        assertThat(red.options()).containsEntry("Color", "Red").containsEntry("Logo", "No");
        assertThat(red.salePrice()).isEqualTo(Money.of("42", "EUR"));
        assertThat(red.sku()).isEqualTo("woo-hoodie-red");
        Product pennant = byId.get("89");
        assertThat(pennant.price()).isEqualTo(Money.of("11.05", "EUR"));
    }

    @Test
    void stock_nullQuantityParentManagedAndOwnQuantity() throws Exception {
        fx.emulator.merchant().setStock(45, 12);
        fx.emulator.merchant().useParentStock(79);
        fx.emulator.merchant().setStock(80, 3);
        fx.emulator.merchant().update(66, "{\"description\":\"<p>Zip <strong>it</strong></p>\"}");
        Product hoodie = source.read("45").orElseThrow();
        assertThat(hoodie.stock()).isEqualTo(StockLevel.of(12, StockStatus.IN_STOCK));
        Map<String, Variant> variants = hoodie.variants().stream().collect(Collectors.toMap(Variant::id, v -> v));
        assertThat(variants.get("79").stock()).isEqualTo(StockLevel.of(12, StockStatus.IN_STOCK));
        assertThat(variants.get("80").stock()).isEqualTo(StockLevel.of(3, StockStatus.IN_STOCK));
        assertThat(variants.get("81").stock()).isEqualTo(StockLevel.untracked(StockStatus.IN_STOCK));
        assertThat(source.read("66").orElseThrow().descriptionHtml()).isEqualTo("<p>Zip <strong>it</strong></p>");
    }

    @Test
    void readChanged_returnsOnlyChangedProducts_variationChangesAsTheirParent() throws Exception {
        fx.clock.advance(Duration.ofMinutes(10));
        Page<Product> first = source.readAll(null);
        Cursor cursor = first.cursor();
        // the store's Date header minus the two-minute overlap
        assertThat(cursor.value()).isEqualTo("2024-05-01T12:08:00Z");
        fx.clock.advance(Duration.ofMinutes(30));
        fx.emulator.merchant().setRegularPrice(47, "19");
        fx.emulator.merchant().setSalePrice(80, "40");
        List<Product> changed = readChanged(cursor);
        assertThat(changed).extracting(Product::id).containsExactlyInAnyOrder("45", "47");
        assertThat(fx.context.requests()).anySatisfy(r -> assertThat(r.endpoint()).isEqualTo("GET /products"));
    }

    @Test
    void readChanged_reportsDraftsAndTrashWithTheirStatus_andMovesTheCursorOnlyAtTheEnd() throws Exception {
        fx.clock.advance(Duration.ofMinutes(10));
        Cursor cursor = source.readAll(null).cursor();
        fx.clock.advance(Duration.ofMinutes(30));
        fx.emulator.merchant().setStatus(62, "draft");
        fx.emulator.merchant().setStatus(64, "private");
        fx.emulator.merchant().trash(68);
        List<Page<Product>> pages = new ArrayList<>();
        String token = null;
        do {
            Page<Product> page = source.readChanged(cursor, token);
            pages.add(page);
            token = page.nextPageToken();
        } while (token != null);
        Map<String, ProductStatus> statuses = pages.stream().flatMap(p -> p.items().stream())
                .collect(Collectors.toMap(Product::id, Product::status));
        assertThat(statuses).containsOnly(Map.entry("62", ProductStatus.DRAFT), Map.entry("64", ProductStatus.DRAFT),
                Map.entry("68", ProductStatus.ARCHIVED));
        assertThat(pages.subList(0, pages.size() - 1)).allSatisfy(p -> assertThat(p.cursor()).isNull());
        assertThat(pages.get(pages.size() - 1).cursor().value()).isEqualTo("2024-05-01T12:38:00Z");
    }

    @Test
    void readChanged_fromTheBeginning_readsEverythingIncludingTrash() throws Exception {
        fx.emulator.merchant().trash(58);
        List<Product> all = readChanged(Cursor.beginning());
        assertThat(all).hasSize(18);
        assertThat(all).filteredOn(p -> p.id().equals("58")).singleElement()
                .extracting(Product::status).isEqualTo(ProductStatus.ARCHIVED);
    }

    @Test
    void read_byVariationIdResolvesToItsParent_andUnknownIdsAreEmpty() throws Exception {
        assertThat(source.read("79").orElseThrow().id()).isEqualTo("45");
        assertThat(source.read("999999")).isEmpty();
        assertThat(source.read("not-a-number")).isEmpty();
        fx.emulator.merchant().deletePermanently(47);
        assertThat(source.read("47")).isEmpty();
    }

    @Test
    void readMany_readsExistingProductsInOneListRequest() throws Exception {
        List<String> ids = readAll().stream().map(Product::id).toList();
        long listsBefore = fx.context.count("GET /products");
        long singlesBefore = fx.context.count("GET /products/{id}");

        List<Product> products = source.readMany(ids);

        assertThat(products).extracting(Product::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(fx.context.count("GET /products") - listsBefore).isEqualTo(1);
        assertThat(fx.context.count("GET /products/{id}") - singlesBefore).isZero();
    }

    @Test
    void readMany_resolvesVariationsAndTrash_andLeavesOutOnlyWhatIsGone() throws Exception {
        fx.emulator.merchant().trash(58);
        fx.emulator.merchant().deletePermanently(47);

        List<Product> products = source.readMany(List.of("44", "79", "58", "47", "999999", "not-a-number", "44"));

        Map<String, ProductStatus> statuses = products.stream().collect(Collectors.toMap(Product::id, Product::status));
        assertThat(statuses).containsOnly(Map.entry("44", ProductStatus.ACTIVE), Map.entry("45", ProductStatus.ACTIVE),
                Map.entry("58", ProductStatus.ARCHIVED));
    }

    @Test
    void readProducts_findsPublishedAndTrashedInTwoListRequests_andLeavesOutWhatIsGone() throws Exception {
        fx.emulator.merchant().trash(58);
        fx.emulator.merchant().deletePermanently(47);
        long listsBefore = fx.context.count("GET /products");
        long singlesBefore = fx.context.count("GET /products/{id}");

        List<Product> products = source.readProducts(List.of("44", "58", "47", "999999", "not-a-number"));

        Map<String, ProductStatus> statuses = products.stream().collect(Collectors.toMap(Product::id, Product::status));
        assertThat(statuses).containsOnly(Map.entry("44", ProductStatus.ACTIVE), Map.entry("58", ProductStatus.ARCHIVED));
        assertThat(fx.context.count("GET /products") - listsBefore).as("published, then trashed").isEqualTo(2);
        assertThat(fx.context.count("GET /products/{id}") - singlesBefore).as("no read per missing id").isZero();
    }

    @Test
    void versionedRead_answersAVariableProductAtTheKnownVersionUnchanged_andReadsAChangedOnesVariationsBySku()
            throws Exception {
        fx.clock.advance(java.time.Duration.ofMinutes(1));
        Map<String, KnownProduct> known = new java.util.HashMap<>();
        String token = null;
        do {
            CatalogPage page = source.readAll(token, KnownProducts.none());
            for (Product p : page.products()) {
                Map<String, String> skus = new java.util.HashMap<>();
                p.variants().stream().filter(v -> v.sku() != null).forEach(v -> skus.put(v.id(), v.sku()));
                known.put(p.id(), new KnownProduct(page.versions().get(p.id()), skus));
            }
            token = page.nextPageToken();
        } while (token != null);
        assertThat(known.get("44").version()).as("a settled product has a version").isNotNull();
        long variation = fx.emulator.merchant().variations(45).get(0).path("id").asLong();
        fx.emulator.merchant().setStock(variation, 12);
        fx.clock.advance(java.time.Duration.ofMinutes(1));
        long variationReads = fx.context.count("GET /products/{id}/variations");
        long lists = fx.context.count("GET /products");

        List<Product> whole = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        token = null;
        do {
            CatalogPage page = source.readAll(token, ids -> known);
            whole.addAll(page.products());
            unchanged.addAll(page.unchanged());
            token = page.nextPageToken();
        } while (token != null);

        assertThat(unchanged).as("the unchanged variable product").containsExactly("44");
        Product changed = whole.stream().filter(p -> p.id().equals("45")).findFirst().orElseThrow();
        assertThat(changed.variants()).filteredOn(v -> v.id().equals(Long.toString(variation)))
                .singleElement().satisfies(v -> assertThat(v.stock().quantity()).isEqualTo(12));
        assertThat(changed.variants()).hasSize(4);
        assertThat(fx.context.count("GET /products/{id}/variations")).isEqualTo(variationReads);
        assertThat(fx.context.count("GET /products") - lists).as("4 pages and one bulk read by SKU").isEqualTo(5);
    }

    @Test
    void aProductChangedWithinTwoSecondsOfTheRead_hasNoVersion() throws Exception {
        CatalogPage page = source.readAll(null, KnownProducts.none());

        assertThat(page.versions()).as("the sample catalog was just created").isEmpty();
    }

    @Test
    void variations_arePagedAtOneHundred() throws Exception {
        try (WooFixture big = new WooFixture(com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator.builder()
                .webhookDelivery(false), Map.of())) {
            big.emulator.seedCatalog(new WooCatalogGenerator.Spec(3, 1, 150, 42));
            List<Product> products = new ArrayList<>();
            String token = null;
            CatalogSource s = big.connector.catalogSource().orElseThrow();
            do {
                Page<Product> p = s.readAll(token);
                products.addAll(p.items());
                token = p.nextPageToken();
            } while (token != null);
            assertThat(products).hasSize(3);
            assertThat(products.stream().mapToInt(p -> p.variants().size()).sum()).isEqualTo(150);
            assertThat(big.context.count("GET /products/{id}/variations")).isEqualTo(2);
        }
    }

    @Test
    void categoryCreatedAfterThePassStarted_isResolvedToItsFullPath() throws Exception {
        source.readAll(null);
        long hoodies = fx.emulator.merchant().product(45).orElseThrow().path("categories").get(0).path("id").asLong();
        long zip = fx.emulator.merchant().createCategory("Zip hoodies", hoodies);
        long id = fx.emulator.merchant().createProduct("{\"name\":\"Zip\",\"regular_price\":\"9\",\"categories\":[{\"id\":"
                + zip + "}]}").path("id").asLong();
        assertThat(source.read(Long.toString(id)).orElseThrow().categories())
                .containsExactly("Clothing > Hoodies > Zip hoodies");
        assertThat(fx.context.count("GET /products/categories")).isEqualTo(2);
    }
}
