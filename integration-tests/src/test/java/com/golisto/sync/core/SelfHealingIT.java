package com.golisto.sync.core;

import static com.golisto.sync.core.ListingAssertions.assertListingEquals;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.http.FaultInjector;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine heals by itself, on both emulators over real HTTP with the real connectors: a minute of 429s
 * from the shop and a minute and a half of Golisto being down, each starting as the first full sync after
 * approval starts, end with the marketplace equal to the shop and no operator action. Faults last a span
 * of the shared mutable clock, which moves only when the engine waits (its sleeper) or the test ticks:
 * no test waits real minutes.
 */
class SelfHealingIT {

    private static final String STORE = "woo-1";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    final List<FaultWindow> windows = new ArrayList<>();
    WooCommerceEmulator woo;
    WooApiKey key;
    EngineFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        if (woo != null) {
            woo.close();
        }
    }

    @Test
    void aMinuteOf429WithRetryAfter5OnEveryShopRequest_fromTheFirstRequestOfTheFullPass_convergesWithinThatMinute()
            throws Exception {
        start(EngineOptions.defaults());
        fx.connect(STORE);
        FaultWindow burst = window(woo.faults(), "*", ".*", Fault.status(429, Duration.ofSeconds(5), null),
                Duration.ofSeconds(60));
        Instant started = clock.instant();

        RunView first = fx.approve(STORE);

        assertThat(burst.served()).as("the shop answered 429 for the whole minute, every 5 s").isGreaterThanOrEqualTo(12);
        assertThat(first.status()).as("the pass outlasted the burst: " + first.error()).isEqualTo(RunStatus.SUCCEEDED);
        // the clock moves only while the engine waits, so the pass itself adds no time: 60 s plus the pass
        assertThat(Duration.between(started, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertCatalogEqualsShop();
    }

    @Test
    void aMarketplaceOutageOf90sFromApproval_convergesWithin3MinutesAfterItEnds_withTheIncrementalPassAnHourAway()
            throws Exception {
        start(EngineOptions.defaults().withIntervals(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1)));

        Instant outageEnd = approveDuringAMarketplaceOutage(Duration.ofSeconds(90));

        Instant converged = tickUntilConverged(outageEnd.plus(Duration.ofMinutes(3)));
        assertThat(Duration.between(outageEnd, converged)).isLessThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(fx.engine.recentRuns(STORE, 100)).noneMatch(r -> r.kind() == RunKind.INCREMENTAL);
        assertCatalogEqualsShop();
    }

    @Test
    void aMarketplaceOutageLongerThanTheRequestBudget_failsTheFirstFullSync_whichIsRetriedUntilItConverges()
            throws Exception {
        start(EngineOptions.defaults().withIntervals(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1))
                .withRetry(EngineOptions.Retry.defaults().withRequestBudget(Duration.ofSeconds(20))));

        Instant outageEnd = approveDuringAMarketplaceOutage(Duration.ofSeconds(90));

        RunView first = fx.engine.recentRuns(STORE, 1).get(0);
        assertThat(first.status()).as("the first pass gave up within its budget").isEqualTo(RunStatus.FAILED);
        Instant converged = tickUntilConverged(outageEnd.plus(Duration.ofMinutes(3)));
        assertThat(Duration.between(outageEnd, converged)).isLessThanOrEqualTo(Duration.ofMinutes(3));
        List<RunView> fulls = fx.engine.recentRuns(STORE, 100).stream().filter(r -> r.kind() == RunKind.FULL).toList();
        assertThat(fulls).hasSizeGreaterThan(1).first().satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(fx.engine.recentRuns(STORE, 100)).noneMatch(r -> r.kind() == RunKind.INCREMENTAL);
        assertCatalogEqualsShop();
    }

    // ---- helpers ----

    /**
     * Golisto approves the store and goes down as the engine learns of it: every request fails with 503
     * for {@code length}, except the status check that tells the engine about the approval. Waits for the
     * first full sync to finish (it may fail) and returns when the outage ends.
     */
    private Instant approveDuringAMarketplaceOutage(Duration length) throws Exception {
        fx.connect(STORE);
        String connection = fx.connectionId(STORE);
        fx.golisto.approve(connection);
        fx.golisto.webhooks().discardPending();
        Instant end = clock.instant().plus(length);
        window(fx.golisto.faults(), "*", "(?!/api/woocommerce/status$).*", Fault.status(503), length);

        StoreView approved = fx.engine.refreshStatus(STORE);
        assertThat(approved.status()).isEqualTo(com.golisto.sync.api.model.ConnectionStatus.APPROVED);
        RunView first = fx.engine.recentRuns(STORE, 1).get(0);
        assertThat(first.kind()).isEqualTo(RunKind.FULL);
        fx.engine.awaitRun(first.id(), Duration.ofSeconds(60));
        return end;
    }

    /** Ticks the engine every 5 s of the clock until the marketplace holds the shop's catalog; when it did. */
    private Instant tickUntilConverged(Instant deadline) throws Exception {
        Set<String> offered = shopCatalog().stream().filter(p -> p.status() == ProductStatus.ACTIVE)
                .map(Product::id).collect(Collectors.toSet());
        while (!listedIds().equals(offered)) {
            assertThat(clock.instant()).as("converged by the deadline").isBefore(deadline);
            clock.advance(Duration.ofSeconds(5));
            closeEndedWindows();
            fx.engine.runDueWork();
        }
        return clock.instant();
    }

    private Set<String> listedIds() {
        return fx.golisto.listings(fx.connectionId(STORE)).stream().map(GolistoListing::externalId)
                .collect(Collectors.toSet());
    }

    /** Starts the emulators and an engine whose retry waits move the clock and end fault windows. */
    private void start(EngineOptions options) throws Exception {
        woo = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        woo.loadCsv(WooCommerceEndToEndIT.sampleCatalog());
        key = woo.createApiKey("read_write");
        fx = new EngineFixture(dir, clock, options, EngineFixture.provider("woocommerce"));
        fx.closeEngine();
        List<ConnectorProvider> providers = new ArrayList<>(fx.shops);
        providers.add(fx.marketplace);
        fx.engine = SyncEngine.builder()
                .jdbcUrl("jdbc:hsqldb:file:" + fx.dataDir.resolve("state").toAbsolutePath())
                .masterKey(fx.key)
                .clock(clock)
                .connectors(providers)
                .publicUrl(fx.host.baseUri())
                .options(options)
                .sleeper(d -> {
                    clock.advance(d);
                    closeEndedWindows();
                })
                .nodeId("node-1")
                .build();
        fx.host.engine(fx.engine);
        fx.register(STORE, "woocommerce", Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(),
                "consumer-secret", key.consumerSecret(), "strict-delivery-urls", "false"));
    }

    private FaultWindow window(FaultInjector injector, String method, String path, Fault fault, Duration length) {
        FaultWindow window = new FaultWindow(injector, clock.instant().plus(length));
        injector.inject(method, path, fault, FaultWindow.PLENTY);
        synchronized (windows) {
            windows.add(window);
        }
        return window;
    }

    private void closeEndedWindows() {
        synchronized (windows) {
            windows.forEach(w -> w.closeIfEnded(clock.instant()));
        }
    }

    /** Faults injected on an emulator until an instant of the shared clock. */
    private static final class FaultWindow {
        static final int PLENTY = 1_000_000;
        private final FaultInjector injector;
        private final Instant end;
        private Integer served;

        FaultWindow(FaultInjector injector, Instant end) {
            this.injector = injector;
            this.end = end;
        }

        synchronized void closeIfEnded(Instant now) {
            if (served == null && !now.isBefore(end)) {
                served = PLENTY - injector.pending();
                injector.clear();
            }
        }

        synchronized int served() {
            return served != null ? served : PLENTY - injector.pending();
        }
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
        List<GolistoListing> listings = fx.golisto.listings(fx.connectionId(STORE));
        assertThat(listings).extracting(GolistoListing::externalId)
                .containsExactlyInAnyOrderElementsOf(offered.stream().map(Product::id).toList());
        for (Product product : offered) {
            assertListingEquals(fx.golisto.listing(fx.connectionId(STORE), product.id()).orElseThrow(), product);
        }
    }
}
