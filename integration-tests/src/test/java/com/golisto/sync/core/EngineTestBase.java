package com.golisto.sync.core;

import static com.golisto.sync.core.ListingAssertions.assertListingEquals;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.http.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared set-up of the engine's end-to-end tests over real HTTP: the Golisto emulator and its connector
 * on the marketplace side, an in-memory {@link TestingShop} on the shop side (exact request counts, crash
 * points), the engine on an HSQLDB file database, a mutable clock driving schedules and debounce. The
 * shop starts with two simple products, one on sale and out of stock, a variable product with two
 * variants, and a draft.
 */
abstract class EngineTestBase {

    static final String STORE = "shop-1";
    static final String BATCH = "POST /api/woocommerce/catalog/batch";
    static final String INVENTORY = "POST /api/woocommerce/inventory/batch";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    final TestingShop shop = new TestingShop("testing-shop", clock, "EUR");
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    EngineFixture fx;

    @BeforeEach
    void start() {
        shop.put(simple("101", "Beanie", "18", null, 10));
        shop.put(simple("102", "Cap", "16.5", "14.90", 0));
        shop.put(variable("200", "Hoodie", 3));
        shop.put(withStatus(simple("103", "Draft scarf", "25", null, 5), ProductStatus.DRAFT));
        shop.put(simple("104", "Belt", "30", null, 2));
        fx = new EngineFixture(dir, clock, shop.provider());
        fx.engine.subscribe(events::add);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    // ---- helpers ----

    StoreView registerAndConnect() throws Exception {
        return registerAndConnect(Map.of());
    }

    StoreView registerAndConnect(Map<String, String> marketplaceSettings) throws Exception {
        fx.register(STORE, "testing-shop", SHOP_SETTINGS, marketplaceSettings);
        return fx.connect(STORE);
    }

    static final Map<String, String> SHOP_SETTINGS = Map.of("home-url", "https://shop.example", "shop-key",
            "ck_test_1234", "shop-secret", "cs_test_secret_5678");

    void approvedStore() throws Exception {
        registerAndConnect();
        assertThat(fx.approve(STORE).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    GolistoListing listing(String productId) {
        return fx.golisto.listing(fx.connectionId(STORE), productId).orElseThrow(
                () -> new AssertionError("no listing for product " + productId));
    }

    void assertCatalogEqualsShop() {
        List<Product> offered = shop.products().stream().filter(p -> p.status() == ProductStatus.ACTIVE).toList();
        List<GolistoListing> listings = fx.golisto.listings(fx.connectionId(STORE));
        assertThat(listings).extracting(GolistoListing::externalId)
                .containsExactlyInAnyOrderElementsOf(offered.stream().map(Product::id).toList());
        for (Product product : offered) {
            assertListingEquals(listing(product.id()), product);
        }
    }

    static Product simple(String id, String title, String price, String sale, int quantity) {
        return new Product(id, "SKU-" + id, title, "<p>" + title + "</p>", "", ProductStatus.ACTIVE,
                Money.of(price, "EUR"), sale == null ? null : Money.of(sale, "EUR"),
                StockLevel.of(quantity, quantity > 0 ? StockStatus.IN_STOCK : StockStatus.OUT_OF_STOCK), "0.5",
                List.of(new Image("https://shop.example/img/" + id + ".jpg", 0, title)), List.of("Accessories"),
                Map.of(), List.of(), null);
    }

    static Product variable(String id, String title, int perVariant) {
        List<Variant> variants = List.of(
                new Variant(id + "1", "SKU-" + id + "-S", Map.of("Size", "S"), Money.of("42", "EUR"), null,
                        StockLevel.of(perVariant, StockStatus.IN_STOCK), null),
                new Variant(id + "2", "SKU-" + id + "-M", Map.of("Size", "M"), Money.of("44", "EUR"),
                        Money.of("39.99", "EUR"), StockLevel.of(perVariant, StockStatus.IN_STOCK),
                        "https://shop.example/img/" + id + "-m.jpg"));
        return new Product(id, "SKU-" + id, title, "<p>Warm</p>", "<p>Short</p>", ProductStatus.ACTIVE,
                Money.of("42", "EUR"), null, StockLevel.untracked(StockStatus.IN_STOCK), "1.5",
                List.of(new Image("https://shop.example/img/" + id + ".jpg", 0, ""),
                        new Image("https://shop.example/img/" + id + "-back.jpg", 1, "")),
                List.of("Clothing", "Clothing > Hoodies"), Map.of("Size", List.of("S", "M")), variants, null);
    }

    static Product withStatus(Product p, ProductStatus status) {
        return new Product(p.id(), p.sku(), p.title(), p.descriptionHtml(), p.shortDescriptionHtml(), status,
                p.price(), p.salePrice(), p.stock(), p.weight(), p.images(), p.categories(), p.attributes(),
                p.variants(), p.modifiedAt());
    }
}
