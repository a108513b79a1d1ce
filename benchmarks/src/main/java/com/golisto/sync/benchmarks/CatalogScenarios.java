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
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One store, connected and approved, on one catalog: the engine (state in a temporary HSQLDB file
 * database, its own clock), the webhook endpoint and the emulators, and the scenarios run on them, in
 * order. Each scenario resets the emulators' request counts and the heap meter first, and checks
 * afterwards that the marketplace equals the shop.
 *
 * <p>The engine's clock is a {@link MutableClock} started at the emulators' clock, and both move only when
 * the benchmark moves them: by the default incremental interval (15 minutes) before each scenario, as
 * between two scheduled passes, so that an incremental pass's cursor overlap does not re-read the previous
 * scenario's changes; and past the webhook debounce instead of sleeping (the clocks never drift apart, so
 * OAuth timestamps always agree). Scheduled work is set a week
 * apart so that nothing the scenario did not ask for runs and pollutes its counts.
 */
final class CatalogScenarios implements AutoCloseable {

    static final String STORE = "bench";
    private static final Duration RUN_TIMEOUT = Duration.ofHours(2);
    /** Time that passes before each scenario: the default interval between two incremental passes. */
    private static final Duration BETWEEN_PASSES = EngineOptions.defaults().incrementalInterval();
    /**
     * The defaults, except that no scheduled work (passes, order and status polls) falls due while the
     * benchmark runs: only the work a scenario asks for is measured.
     */
    private static final EngineOptions OPTIONS = EngineOptions.defaults()
            .withIntervals(Duration.ofDays(7), Duration.ofDays(7), Duration.ofDays(7));
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(120);

    private final Emulators emulators;
    private final Consumer<String> progress;
    private final WebhookEndpoint endpoint;
    private final Path dataDir;
    private final MutableClock clock;
    private final MasterKey masterKey = MasterKey.generate();
    private SyncEngine engine;
    private final HeapMeter heap = new HeapMeter();
    private int samples;

    private CatalogScenarios(Emulators emulators, Consumer<String> progress) throws IOException {
        this.emulators = emulators;
        this.progress = progress;
        this.endpoint = new WebhookEndpoint();
        this.dataDir = Files.createTempDirectory("golisto-bench-");
        this.clock = MutableClock.at(emulators.now());
        this.engine = engine(OPTIONS.withDailyFullSync(
                LocalTime.ofInstant(emulators.now(), ZoneOffset.UTC).minusHours(1), Duration.ZERO));
        endpoint.attach(engine);
    }

    /** An engine on this benchmark's database, clock and webhook endpoint. */
    private SyncEngine engine(EngineOptions options) {
        return SyncEngine.builder()
                .jdbcUrl("jdbc:hsqldb:file:" + dataDir.resolve("state"))
                .masterKey(masterKey)
                .clock(clock)
                .publicUrl(endpoint.baseUri())
                .options(options)
                .build();
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
                "consumer-key", emulators.consumerKey(),
                "consumer-secret", emulators.consumerSecret(),
                // the engine's webhook endpoint is on a loopback port, which the emulator (unlike WordPress) allows
                "strict-delivery-urls", "false"),
                "golisto", Map.of(
                "api-url", emulators.marketplaceUrl().toString(),
                "web-url", emulators.marketplaceUrl().toString())));
        URI connectPage = engine.beginConnect(STORE);
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(connectPage).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = page.headers().firstValue("location").orElseThrow(() -> new IllegalStateException(
                    "the Golisto connect page answered " + page.statusCode() + " without a redirect"));
            Map<String, String> query = query(URI.create(location));
            engine.completeConnect(requireParam(query, "state", location), requireParam(query, "code", location));
        }
    }

    /** Approval, then the first full sync the engine starts on it. */
    ScenarioResult fullFirst() throws Exception {
        CatalogShape shape = emulators.shape();
        progress.accept("-- full_first: approval and first full sync of " + shape.products() + " products, "
                + shape.variations() + " variations");
        passTime();
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
        passTime();
        Measurement m = begin();
        RunView run = engine.syncAndWait(STORE, SyncMode.FULL);
        return m.end("full_unchanged", shape, 0, LowerBound.fullSync(shape, 0), List.of(run), null);
    }

    /** An incremental sync after {@code count} products changed. */
    ScenarioResult incremental(String name, int count) throws Exception {
        CatalogShape shape = emulators.shape();
        progress.accept("-- " + name + ": " + count + " products changed, then one incremental sync");
        long acceptedBefore = endpoint.shopAccepted();
        ChangeSet changes = change(count);
        // the changes happen during the interval, the scheduled pass at its end: its cursor overlap then
        // reaches back before the pass but not to these changes, so the next pass does not read them again
        passTime();
        Measurement m = begin();
        RunView run = engine.syncAndWait(STORE, SyncMode.INCREMENTAL);
        ScenarioResult result = m.end(name, shape, count, LowerBound.incremental(changes), List.of(run), changes);
        // the changes also fired webhooks: let the engine handle them now, outside any measurement
        awaitDeliveries(acceptedBefore, changes.productIds().size());
        passDebounce();
        engine.runDueWork();
        return result;
    }

    /** {@code count} different products changed, each announced by a webhook, until all are on the marketplace. */
    ScenarioResult webhooks(int count) throws Exception {
        CatalogShape shape = emulators.shape();
        progress.accept("-- webhooks: " + count + " products changed, one webhook each");
        passTime();
        long acceptedBefore = endpoint.shopAccepted();
        Measurement m = begin();
        ChangeSet changes = change(count);
        awaitDeliveries(acceptedBefore, changes.productIds().size());
        long runsBefore = newestRunId();
        passDebounce();
        engine.runDueWork();
        List<RunView> runs = engine.recentRuns(STORE, 50).stream()
                .filter(r -> r.id().value() > runsBefore).toList();
        return m.end("webhooks", shape, count, LowerBound.webhooks(changes), runs, changes);
    }

    /**
     * The {@code day} scenario ({@link DayScenario}): the engine is closed and built again on the same
     * database with the default schedule, as after a restart with a new configuration, so its state (the
     * store, its approval, every listing it synced) carries over. Run it last: the engine keeps the default
     * schedule afterwards.
     *
     * @param count products changed during the day
     * @param seed the plan's seed
     * @param feedPush the feed push's counts of the same run, null when it did not run
     */
    ScenarioResult day(int count, long seed, @Nullable RequestCounts feedPush) throws InterruptedException {
        engine.close();
        engine = engine(DayScenario.OPTIONS);
        endpoint.attach(engine);
        return new DayScenario(emulators, engine, clock, endpoint, heap, progress).run(count, seed, feedPush);
    }

    /** Lets the time between two scheduled passes go by, on the emulators' clock and the engine's. */
    private void passTime() {
        emulators.advance(BETWEEN_PASSES);
        clock.advance(BETWEEN_PASSES);
    }

    /** Lets the longest webhook debounce pass (five times the debounce), on both clocks. */
    private void passDebounce() {
        Duration debounce = OPTIONS.webhookDebounce().multipliedBy(5).plusSeconds(1);
        emulators.advance(debounce);
        clock.advance(debounce);
    }

    private ChangeSet change(int count) {
        return emulators.change(count, ++samples);
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
        return new Measurement(System.nanoTime(), processCpuNanos());
    }

    /** CPU time of this JVM so far: the engine's, plus the benchmark's small bookkeeping. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
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
        private final long startCpuNanos;

        Measurement(long startNanos, long startCpuNanos) {
            this.startNanos = startNanos;
            this.startCpuNanos = startCpuNanos;
        }

        ScenarioResult end(String scenario, CatalogShape shape, int changed, LowerBound bound, List<RunView> runs,
                           @Nullable ChangeSet changes) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double cpuSeconds = (processCpuNanos() - startCpuNanos) / 1e9;
            HeapMeter.HeapPeak peak = heap.stop();
            RequestCounts counts = emulators.counts();
            Optional<String> difference = emulators.difference(changes);
            List<String> failures = runs.stream().filter(r -> r.status() != RunStatus.SUCCEEDED)
                    .map(r -> r.kind() + " run " + r.id() + " " + r.status() + r.failure().map(f -> ": " + f).orElse(""))
                    .toList();
            failures.forEach(f -> progress.accept("   " + f));
            difference.ifPresent(d -> progress.accept("   marketplace differs from the shop: " + d));
            ScenarioResult result = new ScenarioResult(scenario, shape, changed, seconds, cpuSeconds, counts, bound, peak,
                    engineCounts(runs), difference.isEmpty() && failures.isEmpty() && !runs.isEmpty(), null, Map.of());
            progress.accept(String.format("   %.1f s, %d shop + %d marketplace requests (lower bound %d), heap peak %.0f MB",
                    seconds, counts.shopTotal(), counts.marketplaceTotal(), bound.total(), peak.sampledPeakMb()));
            return result;
        }
    }

    static Map<String, Long> engineCounts(List<RunView> runs) {
        Map<String, Long> counts = new HashMap<>();
        for (RunView run : runs) {
            counts.merge("runs", 1L, Long::sum);
            counts.merge("read", run.counts().read(), Long::sum);
            counts.merge("created", run.counts().created(), Long::sum);
            counts.merge("updated", run.counts().updated(), Long::sum);
            counts.merge("deleted", run.counts().deleted(), Long::sum);
            counts.merge("unchanged", run.counts().unchanged(), Long::sum);
            counts.merge("skipped", run.counts().skipped(), Long::sum);
            counts.merge("failed", run.counts().failed(), Long::sum);
            counts.merge("requests", run.counts().requests(), Long::sum);
        }
        return counts;
    }

    private static String requireParam(Map<String, String> query, String name, String location) {
        String value = query.get(name);
        if (value == null) {
            throw new IllegalStateException("the Golisto connect page redirected without '" + name + "': " + location);
        }
        return value;
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
