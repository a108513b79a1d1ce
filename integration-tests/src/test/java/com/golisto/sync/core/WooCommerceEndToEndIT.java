package com.golisto.sync.core;

import static com.golisto.sync.core.ListingAssertions.assertListingEquals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole story on both emulators over real HTTP, with the real connectors: the WooCommerce emulator
 * loaded with the real WooCommerce sample catalog, the Golisto emulator, the engine on an HSQLDB file
 * database, a host routing webhooks and the connect return, and a mutable clock.
 */
class WooCommerceEndToEndIT {

    private static final String STORE = "woo-1";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    WooCommerceEmulator woo;
    WooApiKey key;
    TestingFaults shopFaults;
    EngineFixture fx;

    @BeforeEach
    void start() throws Exception {
        woo = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        woo.loadCsv(sampleCatalog());
        key = woo.createApiKey("read_write");
        shopFaults = new TestingFaults(EngineFixture.provider("woocommerce"));
        fx = new EngineFixture(dir, clock, shopFaults);
        fx.register(STORE, "woocommerce", Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(),
                "consumer-secret", key.consumerSecret(), "strict-delivery-urls", "false"));
    }

    @AfterEach
    void stop() {
        fx.close();
        woo.close();
    }

    /** The real WooCommerce sample catalog, from the shared folder beside the repository. */
    static Path sampleCatalog() {
        Path csv = Path.of("..", "..", "shared", "fixtures", "woocommerce", "sample_products.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException("the WooCommerce sample catalog is missing at "
                    + csv.toAbsolutePath().normalize() + ": the shared/ folder must sit beside the repository");
        }
        return csv;
    }

    @Test
    void connectApproveAndFullSync_listTheSampleCatalogFieldByField_withNoShopRequestBeforeApproval()
            throws Exception {
        StoreView connected = fx.connect(STORE);
        long connectRequests = woo.requests().total();
        for (int hour = 0; hour < 30; hour++) {
            fx.advance(Duration.ofHours(1));
        }
        assertThatThrownBy(() -> fx.engine.sync(STORE, SyncMode.FULL)).isInstanceOf(NotApprovedException.class);

        assertThat(connected.status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        assertThat(woo.requests().total()).as("nothing but connecting reached the shop before approval")
                .isEqualTo(connectRequests);
        assertThat(woo.webhookIds()).isEmpty();

        RunView first = fx.approve(STORE);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(woo.webhookIds()).as("product webhooks registered on approval").isNotEmpty();
        List<Product> offered = shopCatalog().stream().filter(p -> p.status() == ProductStatus.ACTIVE).toList();
        assertThat(offered).hasSizeGreaterThan(10).anySatisfy(p -> assertThat(p.variants()).isNotEmpty());
        assertThat(first.counts().created()).isEqualTo(offered.size());
        assertCatalogEqualsShop();
        for (GolistoListing listing : listings()) {
            JsonNode raw = woo.merchant().product(Long.parseLong(listing.externalId())).orElseThrow();
            assertThat(listing.title()).isEqualTo(raw.path("name").asText());
        }
        for (Product product : offered) {
            ProductExplanation.MarketplaceCopy copy = fx.engine.explain(STORE, product.id()).marketplace();
            assertThat(copy.differences()).as("Golisto's copy of %s read back", product.id()).isEmpty();
            assertThat(copy.listing()).isNotNull();
        }
        long shopBefore = woo.requests().total();
        long marketplaceBefore = fx.golisto.requests().total();
        RunView second = fx.engine.syncAndWait(STORE, SyncMode.FULL);
        assertThat(second.counts().written()).as("nothing changed").isZero();
        assertThat(second.counts().unchanged()).isEqualTo(offered.size());
        assertThat(second.counts().unchanged() + second.counts().skipped()).isEqualTo(first.counts().read());
        assertThat(second.counts().skippedReasons()).as("the sample catalog's products that are not listable")
                .isEqualTo(first.counts().skippedReasons()).isNotEmpty();
        assertThat(second.counts().requests()).as("every request of the run, counted through ConnectorMetrics")
                .isEqualTo(woo.requests().total() - shopBefore + fx.golisto.requests().total() - marketplaceBefore)
                .isPositive();
        assertThat(fx.golisto.requests().total()).as("an unchanged pass writes nothing").isEqualTo(marketplaceBefore);
    }

    @Test
    void approval_registersShopWebhooks_evenWhenTheShopPredictsItCannotReachTheRunner() throws Exception {
        // strict delivery URL checks (the connector's default) judge the loopback runner unreachable
        fx.register("woo-strict", "woocommerce", Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(),
                "consumer-secret", key.consumerSecret()));
        fx.connect("woo-strict");

        assertThat(fx.approve("woo-strict").status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(woo.webhookIds()).as("registered all the same: the prediction is judged from the URL alone")
                .isNotEmpty();
    }

    @Test
    void priceTitleStockVariationChangesAndADeletion_arrivingByWebhook_areReflected() throws Exception {
        approved();
        long simple = simpleProductWithStock();
        long variable = variableProduct();
        long variation = woo.merchant().variations(variable).get(0).path("id").asLong();
        long doomed = otherSimpleProduct(simple);

        woo.merchant().setRegularPrice(simple, "99.50");
        woo.merchant().rename(simple, "Renamed by the merchant");
        woo.merchant().setStock(simple, 3);
        woo.merchant().setRegularPrice(variation, "77.00");
        woo.merchant().trash(doomed);
        var delivered = woo.deliverWebhooksNow();
        fx.advance(Duration.ofSeconds(3));

        assertThat(delivered).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        GolistoListing changed = listing(simple).orElseThrow();
        assertThat(changed.title()).isEqualTo("Renamed by the merchant");
        assertThat(changed.price()).isEqualByComparingTo(new BigDecimal("99.50"));
        assertThat(changed.stock().quantity()).isEqualTo(3);
        assertThat(new BigDecimal(listing(variable).orElseThrow().json().path("variants").findValues("price").stream()
                .filter(p -> p.asText().startsWith("77")).findFirst().orElseThrow().asText()))
                .isEqualByComparingTo("77.00");
        assertThat(listing(doomed)).as("a trashed product is delisted").isEmpty();
        assertCatalogEqualsShop();
    }

    @Test
    void lostWebhookIsCaughtByTheIncrementalPass_andAPermanentDeletionByTheNextFullPass() throws Exception {
        approved();
        long simple = simpleProductWithStock();
        long gone = otherSimpleProduct(simple);
        clock.advance(Duration.ofMinutes(5));
        woo.merchant().setSalePrice(simple, "1.99");
        woo.merchant().deletePermanently(gone);
        // the deliveries are never sent: WooCommerce lost them

        fx.advance(Duration.ofMinutes(16));

        assertThat(listing(simple).orElseThrow().salePrice()).contains(new BigDecimal("1.99"));
        assertThat(listing(gone)).as("a permanent deletion does not show in changed-since reads").isPresent();

        RunView full = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(full.counts().deleted()).isEqualTo(1);
        assertThat(listing(gone)).isEmpty();
        assertCatalogEqualsShop();
    }

    @Test
    void sale_becomesExactlyOneWooCommerceOrder_withLinesTotalsAddressesMetadataAndLaterNotes() throws Exception {
        approved();
        long simple = simpleProductWithStock();
        int stockBefore = woo.merchant().product(simple).orElseThrow().path("stock_quantity").asInt();
        String orderId = fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE))
                .line(Long.toString(simple), 2).shippingTotal("4.90").build());

        fx.engine.pollOrders(STORE);
        clock.advance(Duration.ofHours(3));
        fx.golisto.sales().ship(orderId, "DHL", "JJD0099", "https://track.example/JJD0099");
        clock.advance(Duration.ofDays(3));
        fx.golisto.sales().schedulePayout(orderId);
        clock.advance(Duration.ofDays(3));
        fx.golisto.sales().payPayout(orderId);
        fx.engine.pollOrders(STORE);
        fx.engine.pollOrders(STORE);

        List<JsonNode> orders = woo.orders();
        assertThat(orders).hasSize(1);
        JsonNode order = orders.get(0);
        JsonNode sale = fx.golisto.sales().order(orderId);
        assertThat(order.path("status").asText()).isEqualTo("completed");
        assertThat(new BigDecimal(order.path("total").asText()))
                .isEqualByComparingTo(new BigDecimal(sale.path("total").asText()));
        assertThat(order.path("line_items")).singleElement().satisfies(line -> {
            assertThat(line.path("product_id").asLong()).isEqualTo(simple);
            assertThat(line.path("quantity").asInt()).isEqualTo(2);
        });
        assertThat(order.path("shipping").path("city").asText())
                .isEqualTo(sale.path("shipping_address").path("city").asText());
        assertThat(order.path("billing").path("email").asText()).isNotBlank();
        assertThat(meta(order, "_golisto_order_id")).contains(orderId);
        assertThat(meta(order, "golisto_tracking_number")).contains("JJD0099");
        assertThat(meta(order, "golisto_payout_status")).contains("paid");
        List<String> notes = new ArrayList<>();
        woo.orderNotes(order.path("id").asLong()).forEach(n -> notes.add(n.path("note").asText()));
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("JJD0099"));
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("payout paid"));
        assertThat(fx.golisto.sales().acknowledgement(orderId)).hasValueSatisfying(ack -> {
            assertThat(ack.shopOrderId()).isEqualTo(order.path("id").asText());
            assertThat(ack.version()).isEqualTo(sale.path("version").asLong());
        });
        assertThat(listing(simple).orElseThrow().stock().quantity()).as("the shop's new stock was pushed")
                .isEqualTo(stockBefore - 2);
    }

    @Test
    void processKilledRightAfterWooCommerceCreatedTheOrder_restartFindsItInsteadOfCreatingASecond()
            throws Exception {
        approved();
        long simple = simpleProductWithStock();
        String orderId = fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE))
                .line(Long.toString(simple), 1).build());
        shopFaults.crashNext("create.after");

        assertThatThrownBy(() -> fx.engine.pollOrders(STORE)).isInstanceOf(TestingShop.SimulatedCrash.class);
        assertThat(woo.orders()).hasSize(1);
        fx.reopen();
        fx.engine.runDueWork();
        fx.engine.pollOrders(STORE);

        assertThat(woo.orders()).hasSize(1);
        assertThat(meta(woo.orders().get(0), "_golisto_order_id")).contains(orderId);
        assertThat(fx.golisto.sales().acknowledgement(orderId)).isPresent();
    }

    @Test
    void storeWithoutKeys_getsThemThroughTheShopsGrantFlow_thenConnects() throws Exception {
        fx.close();
        fx = new EngineFixture(dir.resolve("grant"), clock, shopFaults);
        fx.register("woo-2", "woocommerce", Map.of("url", woo.homeUrl(), "strict-delivery-urls", "false"));
        assertThat(fx.engine.store("woo-2").orElseThrow().shopCredentialsPresent()).isFalse();
        assertThatThrownBy(() -> fx.engine.beginConnect("woo-2")).isInstanceOf(ConnectFlowException.class)
                .hasMessageContaining("no shop API keys");
        var grantPage = fx.engine.beginCredentialGrant("woo-2");

        var shown = fx.http.send(java.net.http.HttpRequest.newBuilder(grantPage).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        var pending = woo.pendingAuthorizations();
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(pending).singleElement().satisfies(p -> assertThat(p.appName()).isEqualTo("Golisto Sync"));
        var outcome = woo.approveAuthorization(pending.get(0).userId());

        assertThat(outcome.callbackStatus()).as("the host stored the keys").isEqualTo(200);
        assertThat(fx.engine.store("woo-2").orElseThrow().shopCredentialsPresent()).isTrue();
        assertThat(fx.connect("woo-2").status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
        assertThat(fx.golisto.connection(fx.connectionId("woo-2")).consumerKey())
                .contains(outcome.key().consumerKey());
    }

    @Test
    void shopOutagesDuringAFullSync_converge() throws Exception {
        fx.connect(STORE);
        woo.faults().inject("GET", "/wp-json/wc/v3/products", Fault.status(503), 2);
        woo.faults().inject("GET", "/wp-json/wc/v3/products", Fault.status(429, Duration.ofSeconds(5), null), 1);
        woo.faults().inject("GET", "/wp-json/wc/v3/products/\\d+/variations", Fault.connectionReset(), 1);

        RunView first = fx.approve(STORE);

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertCatalogEqualsShop();
    }

    // ---- helpers ----

    private void approved() throws Exception {
        fx.connect(STORE);
        assertThat(fx.approve(STORE).status()).isEqualTo(RunStatus.SUCCEEDED);
        woo.deliverWebhooksNow();
    }

    private List<GolistoListing> listings() {
        return fx.golisto.listings(fx.connectionId(STORE));
    }

    private Optional<GolistoListing> listing(long productId) {
        return fx.golisto.listing(fx.connectionId(STORE), Long.toString(productId));
    }

    /** The shop's catalog in the neutral model, read through the real connector. */
    private List<Product> shopCatalog() throws Exception {
        ConnectorProvider provider = EngineFixture.provider("woocommerce");
        try (Connector reader = provider.open(provider.descriptor().validate(Map.of("url", woo.homeUrl(),
                "consumer-key", key.consumerKey(), "consumer-secret", key.consumerSecret(),
                "strict-delivery-urls", "false")), new TestingContext(clock, HttpClient.newHttpClient()))) {
            CatalogSource source = reader.catalogSource().orElseThrow();
            List<Product> all = new ArrayList<>();
            String token = null;
            do {
                Page<Product> page = source.readAll(token);
                all.addAll(page.items());
                token = page.nextPageToken();
            } while (token != null);
            return all;
        }
    }

    private void assertCatalogEqualsShop() throws Exception {
        List<Product> offered = shopCatalog().stream().filter(p -> p.status() == ProductStatus.ACTIVE).toList();
        assertThat(listings()).extracting(GolistoListing::externalId)
                .containsExactlyInAnyOrderElementsOf(offered.stream().map(Product::id).toList());
        for (Product product : offered) {
            assertListingEquals(listing(Long.parseLong(product.id())).orElseThrow(), product);
        }
    }

    private long simpleProductWithStock() {
        return woo.merchant().productIds().stream()
                .filter(id -> {
                    JsonNode p = woo.merchant().product(id).orElseThrow();
                    return p.path("type").asText().equals("simple") && p.path("status").asText().equals("publish")
                            && p.path("manage_stock").asBoolean() && p.path("stock_quantity").asInt() > 5;
                })
                .findFirst().orElseGet(() -> {
                    long id = woo.merchant().productIds().stream().filter(i -> {
                        JsonNode p = woo.merchant().product(i).orElseThrow();
                        return p.path("type").asText().equals("simple") && p.path("status").asText().equals("publish");
                    }).findFirst().orElseThrow();
                    woo.merchant().setStock(id, 20);
                    woo.deliverWebhooksNow();
                    return id;
                });
    }

    private long otherSimpleProduct(long not) {
        return woo.merchant().productIds().stream().filter(id -> id != not).filter(id -> {
            JsonNode p = woo.merchant().product(id).orElseThrow();
            return p.path("type").asText().equals("simple") && p.path("status").asText().equals("publish");
        }).findFirst().orElseThrow();
    }

    private long variableProduct() {
        return woo.merchant().productIds().stream().filter(id -> woo.merchant().product(id).orElseThrow()
                .path("type").asText().equals("variable")).findFirst().orElseThrow();
    }

    private static Optional<String> meta(JsonNode order, String key) {
        for (JsonNode meta : order.path("meta_data")) {
            if (meta.path("key").asText().equals(key)) {
                return Optional.of(meta.path("value").asText());
            }
        }
        return Optional.empty();
    }
}
