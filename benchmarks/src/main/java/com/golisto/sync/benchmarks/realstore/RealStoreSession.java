package com.golisto.sync.benchmarks.realstore;

import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.sandbox.golisto.GolistoConnectionInfo;
import com.golisto.sync.sandbox.golisto.GolistoConnectionStatus;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
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
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine under test against the real store: state in a temporary HSQLDB file database, its own test clock
 * (a {@link MutableClock} started at the real time, moved only by {@link #advance}), the real WooCommerce and
 * Golisto connectors, the shop's requests counted and re-signed by a {@link ResigningHttpClient}, and a Golisto
 * emulator in this JVM on a free loopback port, on the same clock (its rate limit lifted). The engine's default
 * options, except that its daily full pass falls {@code dailyAfter} after the start, so that a simulated day
 * contains it; nothing runs in the background ({@link SyncEngine#start()} is never called): work happens only
 * in {@link #advance}, {@link #approveAndAwaitFirstFull} and {@link #fullPass}.
 */
final class RealStoreSession implements AutoCloseable {

    static final String STORE = "real";

    private final MutableClock clock;
    private final GolistoEmulator marketplace;
    private final DeliverySink sink;
    private final ShopTally tally = new ShopTally();
    private final Path dataDir;
    private final SyncEngine engine;
    private final EngineOptions options;

    RealStoreSession(URI shopUrl, String consumerKey, String consumerSecret, Duration dailyAfter, int sinkPort)
            throws IOException {
        this.clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        this.marketplace = GolistoEmulator.builder().clock(clock).rateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1))
                .build();
        marketplace.start();
        this.sink = DeliverySink.start(sinkPort);
        this.dataDir = Files.createTempDirectory("golisto-realstore-");
        HttpClient http = new ResigningHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .build(), shopUrl, new OAuthSigner(consumerKey, consumerSecret), tally);
        this.options = EngineOptions.defaults().withDailyFullSync(
                LocalTime.ofInstant(clock.instant().plus(dailyAfter), clock.getZone()), Duration.ZERO);
        this.engine = SyncEngine.builder()
                .jdbcUrl("jdbc:hsqldb:file:" + dataDir.resolve("state"))
                .masterKey(MasterKey.generate())
                .clock(clock)
                .httpClient(http)
                .publicUrl(sink.baseUri())
                .options(options)
                .build();
        engine.registerStore(new StoreRegistration(STORE, "woocommerce", Map.of(
                "url", shopUrl.toString(),
                "consumer-key", consumerKey,
                "consumer-secret", consumerSecret),
                "golisto", Map.of(
                "api-url", marketplace.apiBaseUri().toString(),
                "web-url", marketplace.webBaseUri().toString())));
    }

    EngineOptions options() {
        return options;
    }

    ShopTally tally() {
        return tally;
    }

    GolistoEmulator marketplace() {
        return marketplace;
    }

    DeliverySink sink() {
        return sink;
    }

    SyncEngine engine() {
        return engine;
    }

    Instant now() {
        return clock.instant();
    }

    /** Connects the store as a merchant would: the Golisto connect page, back with a code. */
    void connect() throws Exception {
        URI connectPage = engine.beginConnect(STORE);
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(connectPage).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = page.headers().firstValue("location").orElseThrow(() -> new IllegalStateException(
                    "the Golisto connect page answered " + page.statusCode() + " without a redirect"));
            Map<String, String> query = query(URI.create(location));
            engine.completeConnect(require(query, "state"), require(query, "code"));
        }
    }

    /** Golisto approves the connection; the engine notices at its status refresh and runs its first full pass. */
    RunView approveAndAwaitFirstFull() throws InterruptedException {
        for (GolistoConnectionInfo c : marketplace.connections()) {
            if (c.status() == GolistoConnectionStatus.AWAITING_APPROVAL) {
                marketplace.approve(c.connectionId());
            }
        }
        marketplace.webhooks().discardPending();
        StoreView view = engine.refreshStatus(STORE);
        if (!view.approved()) {
            throw new IllegalStateException("not approved after Golisto approved it: " + view.status());
        }
        RunView full = engine.recentRuns(STORE, 10).stream().filter(r -> r.kind() == RunKind.FULL).findFirst()
                .orElseThrow(() -> new IllegalStateException("the approval started no full pass"));
        return engine.awaitRun(full.id(), Duration.ofHours(2));
    }

    /** A full pass on demand. */
    RunView fullPass() throws InterruptedException {
        return engine.syncAndWait(STORE, SyncMode.FULL);
    }

    /** Moves the test clock (the engine's and Golisto's) and does the work that is due, as the background loop would. */
    void advance(Duration by) throws InterruptedException {
        clock.advance(by);
        engine.runDueWork();
    }

    /** Moves the test clock without doing any work. */
    void passTime(Duration by) {
        clock.advance(by);
    }

    String connectionId() {
        return engine.store(STORE).flatMap(s -> Optional.ofNullable(s.accountId()))
                .orElseThrow(() -> new IllegalStateException("the store is not connected"));
    }

    List<RunView> runsAfter(long runId) {
        return engine.recentRuns(STORE, 200).stream().filter(r -> r.id().value() > runId).toList();
    }

    long newestRunId() {
        return engine.recentRuns(STORE, 1).stream().mapToLong(r -> r.id().value()).max().orElse(0);
    }

    private static String require(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null) {
            throw new IllegalStateException("the Golisto connect page redirected without '" + name + "'");
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
            sink.close();
            marketplace.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove " + dataDir, e);
            }
        }
    }
}
