package com.golisto.sync.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hsqldb.jdbc.JDBCDataSource;

/**
 * A {@link SyncEngine} on the fakes: a {@link FakeShop} (connector id {@value #SHOP_ID}) and any further
 * shops, a {@link FakeMarketplace}, a {@link FakeClock} that the retry sleeper advances, and an in-memory
 * HSQLDB database the harness owns, so that the engine can be closed and reopened on the same state as after
 * a crash. Records every {@link EngineEvent}. Not thread-safe; one per test.
 */
public final class EngineHarness implements AutoCloseable {

    /** When every test starts: a Monday noon, UTC. */
    public static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    /** The main shop's connector id. */
    public static final String SHOP_ID = "fake-shop";
    /** The store most tests use. */
    public static final String STORE = "shop-1";
    /** The settings of a store on the main shop, API keys included. */
    public static final Map<String, String> SHOP_SETTINGS = Map.of("home-url", "https://shop.example",
            "shop-key", "ck_fake_1234", "shop-secret", "cs_fake_secret_5678");

    public final FakeClock clock = FakeClock.at(START);
    public final FakeShop shop = new FakeShop(SHOP_ID, clock, "EUR");
    public final FakeMarketplace marketplace = new FakeMarketplace(clock);
    /** Every event of every engine this harness opened, in order. */
    public final List<EngineEvent> events = new CopyOnWriteArrayList<>();

    private final List<FakeShop> otherShops = new ArrayList<>();
    private final JDBCDataSource database = new JDBCDataSource();
    private final Connection keeper;
    private EngineOptions options;
    private MasterKey key = MasterKey.generate();
    private SyncEngine engine;

    private EngineHarness(EngineOptions options) {
        this.options = options;
        database.setURL("jdbc:hsqldb:mem:fake-" + UUID.randomUUID() + ";hsqldb.tx=mvcc");
        database.setUser("SA");
        database.setPassword("");
        try {
            keeper = database.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the in-memory database", e);
        }
    }

    /**
     * Default options with quick retries (the sleeper advances the clock anyway) and no webhook batch window, so that
     * each test's webhooks are synced after the debounce whatever ran before (tests of the window set it).
     */
    public static EngineOptions defaultOptions() {
        return EngineOptions.defaults().withRetry(new EngineOptions.Retry(6, Duration.ofMillis(200),
                Duration.ofSeconds(5), 0.2)).withCatalogSchedule(new EngineOptions.CatalogSchedule(Duration.ZERO, 7));
    }

    /** A harness with {@link #defaultOptions()}; the engine is not opened yet. */
    public static EngineHarness create() {
        return new EngineHarness(defaultOptions());
    }

    /** A harness with these options; the engine is not opened yet. */
    public static EngineHarness create(EngineOptions options) {
        return new EngineHarness(options);
    }

    /**
     * Puts the usual catalog into the main shop: two simple products (one on sale and out of stock), a
     * product with two variants, a draft, and one more simple product; four of the five are active.
     */
    public EngineHarness seedCatalog() {
        shop.put(Products.simple("101", "Beanie", "18", null, 10));
        shop.put(Products.simple("102", "Cap", "16.5", "14.90", 0));
        shop.put(Products.variable("200", "Hoodie", 3));
        shop.put(Products.withStatus(Products.simple("103", "Draft scarf", "25", null, 5), ProductStatus.DRAFT));
        shop.put(Products.simple("104", "Belt", "30", null, 2));
        return this;
    }

    /** Adds another shop, under its own connector id (before {@link #open()}). */
    public FakeShop addShop(String providerId) {
        FakeShop other = new FakeShop(providerId, clock, "EUR");
        otherShops.add(other);
        return other;
    }

    /** Opens an engine on the harness's database. */
    public SyncEngine open() {
        engine = build("node-1");
        return engine;
    }

    /**
     * Opens another engine node on the same database, fakes and clock, as a second runner sharing the state store
     * would be; the caller closes it. {@link #engine()} stays the first one.
     */
    public SyncEngine openNode(String nodeId) {
        return build(nodeId);
    }

    private SyncEngine build(String nodeId) {
        List<ConnectorProvider> providers = new ArrayList<>();
        providers.add(shop.provider());
        otherShops.forEach(s -> providers.add(s.provider()));
        providers.add(marketplace.provider());
        SyncEngine built = SyncEngine.builder()
                .dataSource(database)
                .masterKey(key)
                .clock(clock)
                .connectors(providers)
                .publicUrl(URI.create("https://engine.example"))
                .options(options)
                .sleeper(clock::advance)
                .nodeId(nodeId)
                .build();
        built.subscribe(events::add);
        return built;
    }

    /** Opens an engine with another master key (after {@link #closeEngine()}): a key rotation. */
    public SyncEngine open(MasterKey newKey) {
        key = newKey;
        return open();
    }

    /** The master key the current engine was built with. */
    public MasterKey key() {
        return key;
    }

    /** The current engine. */
    public SyncEngine engine() {
        return engine;
    }

    /** Closes the engine as a restart would; runs a simulated crash left RUNNING stay so. */
    public void closeEngine() {
        engine.close();
    }

    /** Closes and opens the engine on the same database. */
    public SyncEngine reopen() {
        closeEngine();
        return open();
    }

    // ---- stores ----

    /** Registers a store on the main shop with API keys. */
    public StoreView register(String storeId) {
        return register(storeId, SHOP_ID, SHOP_SETTINGS);
    }

    /** Registers a store on a shop connector with these settings, with the fake marketplace. */
    public StoreView register(String storeId, String shopId, Map<String, String> shopSettings) {
        return engine.registerStore(new StoreRegistration(storeId, shopId, shopSettings, FakeMarketplace.ID,
                Map.of()));
    }

    /** The merchant follows the connect link, signs in and comes back: the store awaits approval. */
    public StoreView connect(String storeId) throws InterruptedException {
        URI link = engine.beginConnect(storeId);
        FakeMarketplace.ConnectReturn back = marketplace.signIn(link);
        return engine.completeConnect(back.state(), back.code());
    }

    /** The marketplace approves the store; the engine polls the status and runs the first full sync. */
    public RunView approve(String storeId) throws InterruptedException {
        marketplace.approve(account(storeId));
        StoreView view = engine.refreshStatus(storeId);
        assertThat(view.status()).isEqualTo(ConnectionStatus.APPROVED);
        RunView first = engine.recentRuns(storeId, 1).get(0);
        assertThat(first.kind()).isEqualTo(RunKind.FULL);
        return engine.awaitRun(first.id(), Duration.ofSeconds(60));
    }

    /** Registers, connects and approves {@link #STORE}; returns its first full sync. */
    public RunView approvedStore() throws InterruptedException {
        register(STORE);
        connect(STORE);
        return approve(STORE);
    }

    /** The marketplace's id of the store's connection. */
    public String account(String storeId) {
        return engine.store(storeId).orElseThrow().accountId();
    }

    /** Moves the clock and does what is due, as the background loop would. */
    public void advance(Duration by) throws InterruptedException {
        clock.advance(by);
        engine.runDueWork();
    }

    /** The runs of a kind among the store's latest, newest first. */
    public List<RunView> runs(String storeId, RunKind kind) {
        return engine.recentRuns(storeId, 500).stream().filter(r -> r.kind() == kind).toList();
    }

    // ---- what the marketplace holds ----

    /** Asserts that the store's listings are exactly the shop's active products, content and stock. */
    public void assertListingsMatchShop(String storeId, FakeShop source) {
        Map<String, Product> offered = new HashMap<>();
        source.products().stream().filter(p -> p.status() == ProductStatus.ACTIVE)
                .forEach(p -> offered.put(p.id(), Products.stamped(p, null)));
        Map<String, Product> listed = new HashMap<>();
        for (Listing listing : marketplace.listings(account(storeId))) {
            listed.put(listing.product().id(), Products.stamped(listing.product(), null));
        }
        assertThat(listed).as("the marketplace's listings of store " + storeId).isEqualTo(offered);
    }

    /** {@link #assertListingsMatchShop(String, FakeShop)} for {@link #STORE} on the main shop. */
    public void assertListingsMatchShop() {
        assertListingsMatchShop(STORE, shop);
    }

    /** Runs one SQL statement on the harness's database directly, as a damaged or hand-edited store would. */
    public int execute(String sql) {
        try (Statement statement = keeper.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot execute " + sql, e);
        }
    }

    /** The first column of a query on the harness's database, each value as text (null as "null"). */
    public List<String> column(String sql) {
        try (Statement statement = keeper.createStatement(); java.sql.ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(String.valueOf(rows.getString(1)));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
        } finally {
            try (Statement statement = keeper.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // the database is gone already
            }
        }
    }
}
