package com.golisto.sync.benchmarks;

import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.sandbox.http.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One store, connected and approved, on one catalog: the engine (state in a temporary HSQLDB file
 * database, its own clock), the webhook endpoint and the emulators, and the scenarios run on them, in
 * order. Each scenario resets the emulators' request counts and the heap meter first, and checks
 * afterwards that the marketplace equals the shop.
 *
 * <p>The engine's clock is a {@link MutableClock} started at the real time: nothing scheduled falls due
 * while the benchmark runs (so no order poll or scheduled pass pollutes the counts), and the webhook
 * scenario moves it past the debounce instead of sleeping.
 */
final class CatalogScenarios implements AutoCloseable {

    static final String STORE = "bench";
    private static final Duration RUN_TIMEOUT = Duration.ofHours(2);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    private final Emulators emulators;
    private final Consumer<String> progress;
    private final WebhookEndpoint endpoint;
    private final Path dataDir;
    private final MutableClock clock;
    private final SyncEngine engine;
    private final HeapMeter heap = new HeapMeter();
    private int changeOffset;

    private CatalogScenarios(Emulators emulators, Consumer<String> progress) throws IOException {
        this.emulators = emulators;
        this.progress = progress;
        this.endpoint = new WebhookEndpoint();
        this.dataDir = Files.createTempDirectory("golisto-bench-");
        this.clock = MutableClock.at(Instant.now());
        this.engine = SyncEngine.builder()
                .jdbcUrl("jdbc:hsqldb:file:" + dataDir.resolve("state") + ";shutdown=true")
                .masterKey(MasterKey.generate())
                .clock(clock)
                .publicUrl(endpoint.baseUri())
                .options(EngineOptions.defaults())
                .build();
        endpoint.attach(engine);
    }

    /**
     * Builds the engine, registers the store and connects it as a merchant would (the Golisto connect
     * page, back with a code); Golisto has not approved it yet.
     */
    static CatalogScenarios connect(Emulators emulators, Consumer<String> progress) throws Exception {
        CatalogScenarios scenarios = new CatalogScenarios(emulators, progress);
        try {
            scenarios.connectStore();
        } catch (Exception | Error e) {
            scenarios.close();
            throw e;
        }
        return scenarios;
    }

    private void connectStore() throws Exception {
        engine.registerStore(new StoreRegistration(STORE, "woocommerce", Map.of(
                "url", emulators.shopUrl().toString(),
                "consumer_key", emulators.consumerKey(),
                "consumer_secret", emulators.consumerSecret()),
                "golisto", Map.of(
                "api_url", emulators.marketplaceUrl().toString(),
                "web_url", emulators.marketplaceUrl().toString())));
        URI connectPage = engine.beginConnect(STORE);
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(connectPage).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = page.headers().firstValue("location").orElseThrow(() -> new IllegalStateException(
                    "the Golisto connect page answered " + page.statusCode() + " without a redirect"));
            Map<String, String> query = query(URI.create(location));
            engine.completeConnect(query.get("state"), query.get("code"));
        }
    }

    /** Approval, then the first full sync the engine starts on it. */
    ScenarioResult fullFirst() throws Exception {
        CatalogShape shape = emulators.shape();
        progress.accept("-- full_first: approval and first full sync of " + shape.products() + " products, "
                + shape.variations() + " variations");
        if (emulators.approveAwaiting() != 1) {
            throw new IllegalStateException("exactly one connection should await approval");
        }
        Measurement m = begin();
        StoreView store = engine.refreshStatus(STORE);
        if (!store.approved()) {
            throw new IllegalStateException("the store is not approved after Golisto approved it: " + store.status());
        }
        RunView run = awaitNewest(RunKind.FULL);
        return m.end("full_first", shape, 0, LowerBound.fullSync(shape, shape.activeProducts()), List.of(run), null);
    }

    /** A second full sync; nothing changed in the shop. */
    ScenarioResult fullUnchanged() throws Exception {
        CatalogShape shape = emulators.shape();
        progress.accept("-- full_unchanged: full sync with nothing changed");
        Measurement m = begin();
        RunView run = engine.syncAndWait(STORE, SyncMode.FULL);
        return m.end("full_unchanged", shape, 0, LowerBound.fullSync(shape, 0), List.of(run), null);
    }

    /** An incremental sync after {@code count} products changed. */
    ScenarioResult incremental(int count) throws Exception {
        CatalogShape shape = emulators.shape();
        progress.accept("-- incremental: " + count + " products changed, then one incremental sync");
        long acceptedBefore = endpoint.shopAccepted();
        ChangeSet changes = change(count);
        Measurement m = begin();
        RunView run = engine.syncAndWait(STORE, SyncMode.INCREMENTAL);
        ScenarioResult result = m.end("incremental", shape, count, LowerBound.changes(changes), List.of(run), changes);
        // the changes also fired webhooks: let the engine handle them now, outside any measurement
        awaitDeliveries(acceptedBefore, changes.productIds().size());
        clock.advance(EngineOptions.defaults().webhookDebounce().multipliedBy(5).plusSeconds(1));
        engine.runDueWork();
        return result;
    }

    /** {@code count} different products changed, each announced by a webhook, until all are on the marketplace. */
    ScenarioResult webhooks(int count) throws Exception {
        CatalogShape shape = emulators.shape();
        progress.accept("-- webhooks: " + count + " products changed, one webhook each");
        long acceptedBefore = endpoint.shopAccepted();
        Measurement m = begin();
        ChangeSet changes = change(count);
        awaitDeliveries(acceptedBefore, changes.productIds().size());
        long runsBefore = newestRunId();
        clock.advance(EngineOptions.defaults().webhookDebounce().multipliedBy(5).plusSeconds(1));
        engine.runDueWork();
        List<RunView> runs = engine.recentRuns(STORE, 50).stream()
                .filter(r -> r.id().value() > runsBefore).toList();
        return m.end("webhooks", shape, count, LowerBound.changes(changes), runs, changes);
    }

    private ChangeSet change(int count) {
        ChangeSet changes = emulators.change(count, changeOffset);
        changeOffset += 7; // the next scenario changes other products
        return changes;
    }

    /** Waits until the shop delivered {@code expected} more webhooks than {@code before}, or a timeout. */
    private void awaitDeliveries(long before, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (endpoint.shopAccepted() - before < expected && System.nanoTime() < deadline) {
            Thread.sleep(5); // deliveries come from the shop's own threads, on its schedule
        }
        long delivered = endpoint.shopAccepted() - before;
        if (delivered < expected) {
            progress.accept("   only " + delivered + " of " + expected + " webhooks arrived");
        }
    }

    private Measurement begin() {
        emulators.resetCounts();
        heap.start();
        return new Measurement(System.nanoTime());
    }

    private RunView awaitNewest(RunKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RunView> newest = engine.recentRuns(STORE, 10).stream().filter(r -> r.kind() == kind).findFirst();
            if (newest.isPresent()) {
                return engine.awaitRun(newest.get().id(), RUN_TIMEOUT);
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the engine started no " + kind + " run");
    }

    private long newestRunId() {
        return engine.recentRuns(STORE, 1).stream().map(RunView::id).mapToLong(RunId::value).max().orElse(0);
    }

    private final class Measurement {
        private final long startNanos;

        Measurement(long startNanos) {
            this.startNanos = startNanos;
        }

        ScenarioResult end(String scenario, CatalogShape shape, int changed, LowerBound bound, List<RunView> runs,
                           ChangeSet changes) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            HeapMeter.HeapPeak peak = heap.stop();
            RequestCounts counts = emulators.counts();
            Optional<String> difference = emulators.difference(changes);
            List<String> failures = runs.stream().filter(r -> r.status() != RunStatus.SUCCEEDED)
                    .map(r -> r.kind() + " run " + r.id() + " " + r.status() + r.failure().map(f -> ": " + f).orElse(""))
                    .toList();
            failures.forEach(f -> progress.accept("   " + f));
            difference.ifPresent(d -> progress.accept("   marketplace differs from the shop: " + d));
            ScenarioResult result = new ScenarioResult(scenario, shape, changed, seconds, counts, bound, peak,
                    engineCounts(runs), difference.isEmpty() && failures.isEmpty() && !runs.isEmpty());
            progress.accept(String.format("   %.1f s, %d shop + %d marketplace requests (lower bound %d), heap peak %.0f MB",
                    seconds, counts.shopTotal(), counts.marketplaceTotal(), bound.total(), peak.peakMb()));
            return result;
        }
    }

    private static Map<String, Long> engineCounts(List<RunView> runs) {
        Map<String, Long> counts = new HashMap<>();
        for (RunView run : runs) {
            counts.merge("runs", 1L, Long::sum);
            counts.merge("read", run.counts().read(), Long::sum);
            counts.merge("created", run.counts().created(), Long::sum);
            counts.merge("updated", run.counts().updated(), Long::sum);
            counts.merge("deleted", run.counts().deleted(), Long::sum);
            counts.merge("unchanged", run.counts().unchanged(), Long::sum);
            counts.merge("failed", run.counts().failed(), Long::sum);
            counts.merge("requests", run.counts().requests(), Long::sum);
        }
        return counts;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            endpoint.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove " + dataDir, e);
            }
        }
    }
}
