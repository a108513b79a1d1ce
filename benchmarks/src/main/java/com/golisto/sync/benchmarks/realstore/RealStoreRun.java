package com.golisto.sync.benchmarks.realstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A manual measurement of the engine against a real WooCommerce store (benchmarks/real-store/ brings one up):
 * the real engine with the real connectors, the shop over HTTP, a Golisto emulator in this JVM. In one run, one
 * JSON line each on stdout (progress on stderr):
 * <ol>
 *   <li>{@code naive_reader}: every product page of 100, then every variable product's variations, one request
 *       at a time (the baseline);</li>
 *   <li>{@code full_first}: approval and the engine's first full pass;</li>
 *   <li>{@code full_unchanged}: a full pass with nothing changed;</li>
 *   <li>{@code day}: the engine's default schedule driven on its test clock through 24 hours, a step at a time
 *       (96 incremental passes, the daily full pass, order and status polls), with 1% of the products changed
 *       through the REST API at minutes spread over the day; the store's webhooks go to a sink that drops them,
 *       so no change reaches the engine by webhook;</li>
 *   <li>{@code naive_reader_after}: the baseline again, to show the store's drift over the run.</li>
 * </ol>
 * Between the first two, before the engine connects: {@code feed_push}, the naive reader plus every product written
 * to Golisto in catalog batches of 100 as the pages go ({@link RealFeedPush}).
 * Shop requests are counted at the engine's HTTP client. The consumer secret comes from the environment or a
 * key file and is never printed. Run it with {@code bin/bench-real-store --help}.
 */
public final class RealStoreRun {

    static final String USAGE = """
            Usage: bin/bench-real-store [options]
              --url URL               the store's home URL (env WC_URL; default http://127.0.0.1)
              --key-file FILE         JSON {"consumer_key": ..., "consumer_secret": ...} (env WC_KEY_FILE;
                                      default /work/realstore/apikey.json); env WC_CONSUMER_KEY and
                                      WC_CONSUMER_SECRET take precedence
              --changed-share X       share of the products changed during the day (default 0.01)
              --step-minutes N        test-clock step of the day (default 1: order polls every 2 minutes run)
              --daily-after-hours H   the daily full pass falls H hours into the day (default 12)
              --sink-port P           port of the webhook sink the store delivers to (default 8765, which the
                                      store's loopback mu-plugin allows)
              --seed N                seed of the changed-product sample (default 1)
              --day-hours H           length of the simulated day (default 24; shorter only for a smoke test)
            """;

    private RealStoreRun() {
    }

    /**
     * Runs the measurement.
     *
     * @param args see {@link #USAGE}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h") || !args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println(USAGE);
                System.exit(args[i].equals("--help") || args[i].equals("-h") ? 0 : 2);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        URI url = URI.create(opts.getOrDefault("url", env("WC_URL", "http://127.0.0.1")));
        String[] keys = keys(opts.getOrDefault("key-file", env("WC_KEY_FILE", "/work/realstore/apikey.json")));
        new Measurement(url, keys[0], keys[1], opts, out::println).run();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String[] keys(String keyFile) throws IOException {
        String key = System.getenv("WC_CONSUMER_KEY");
        String secret = System.getenv("WC_CONSUMER_SECRET");
        if (key != null && secret != null) {
            return new String[] {key, secret};
        }
        JsonNode json = StoreClient.JSON.readTree(Files.readString(Path.of(keyFile)));
        return new String[] {json.path("consumer_key").asText(), json.path("consumer_secret").asText()};
    }

    /** One run of every scenario, in order. */
    private static final class Measurement {
        private final URI url;
        private final String key;
        private final String secret;
        private final Map<String, String> opts;
        private final java.util.function.Consumer<String> lines;
        private final StoreClient shop;
        private int products;
        private int variations;

        Measurement(URI url, String key, String secret, Map<String, String> opts,
                    java.util.function.Consumer<String> lines) {
            this.url = url;
            this.key = key;
            this.secret = secret;
            this.opts = opts;
            this.lines = lines;
            this.shop = new StoreClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), url,
                    new OAuthSigner(key, secret));
        }

        private int intOpt(String name, int fallback) {
            return Integer.parseInt(opts.getOrDefault(name, Integer.toString(fallback)));
        }

        void run() throws Exception {
            progress("warming up the store: one signed GET /products");
            shop.get("/products", List.of(Map.entry("per_page", "1")));
            shop.tally().reset();

            progress("-- naive_reader: every product page, every variable product's variations, one at a time");
            long t0 = System.nanoTime();
            String load0 = load();
            List<StoreClient.ShopProduct> catalog = shop.readAll();
            products = catalog.size();
            variations = catalog.stream().mapToInt(p -> p.variations().size()).sum();
            ObjectNode naive = naiveLine("naive_reader", t0, load0);
            Map<String, Long> types = new TreeMap<>();
            catalog.forEach(p -> types.merge(p.type(), 1L, Long::sum));
            types.forEach(naive.putObject("product_types")::put);
            emit(naive);

            int daily = intOpt("daily-after-hours", 12);
            try (RealStoreSession session = new RealStoreSession(url, key, secret, Duration.ofHours(daily),
                    intOpt("sink-port", 8765))) {
                emit(feedPush(session));
                progress("engine connecting; webhooks go to the sink at " + session.sink().baseUri());
                session.connect();

                progress("-- full_first: approval and first full pass");
                Scenario s = begin(session);
                RunView first = session.approveAndAwaitFirstFull();
                emit(s.end("full_first", List.of(first)));

                progress("-- full_unchanged: a full pass with nothing changed");
                session.passTime(session.options().incrementalInterval());
                s = begin(session);
                emit(s.end("full_unchanged", List.of(session.fullPass())));

                emit(day(session, catalog));

                progress("-- naive_reader_after: the baseline again");
                shop.tally().reset();
                t0 = System.nanoTime();
                load0 = load();
                shop.readAll();
                emit(naiveLine("naive_reader_after", t0, load0));
            }
        }

        /** The naive feed push, on a Golisto connection of its own, before the engine connects. */
        private ObjectNode feedPush(RealStoreSession session) throws IOException, InterruptedException {
            progress("-- feed_push: the naive reader plus a catalog batch of 100 listings at a time to Golisto");
            RealFeedPush feed = new RealFeedPush(shop, session.marketplace());
            // Golisto only stores the shop keys it is handed: the push needs none of them
            feed.connect(url, "ck_feed_push", "cs_feed_push");
            shop.tally().reset();
            session.marketplace().requests().reset();
            long t0 = System.nanoTime();
            String load0 = load();
            feed.push();
            ObjectNode line = naiveLine("feed_push", t0, load0);
            Map<String, Long> marketplace = new TreeMap<>(session.marketplace().requests().snapshot());
            long marketplaceTotal = marketplace.values().stream().mapToLong(Long::longValue).sum();
            line.put("requests_marketplace", marketplaceTotal);
            line.put("requests_total", line.path("requests_shop").asLong() + marketplaceTotal);
            marketplace.forEach(line.putObject("marketplace_routes")::put);
            line.put("pushed", feed.pushed());
            line.put("failed", feed.failed());
            line.put("consistent", feed.failed() == 0 && feed.pushed() == products);
            feed.disconnect();
            return line;
        }

        private ObjectNode day(RealStoreSession session, List<StoreClient.ShopProduct> catalog) throws Exception {
            double share = Double.parseDouble(opts.getOrDefault("changed-share", "0.01"));
            int step = intOpt("step-minutes", 1);
            int dayMinutes = intOpt("day-hours", 24) * 60;
            DayChanges changes = DayChanges.plan(catalog, (int) Math.max(1, Math.round(products * share)),
                    Long.parseLong(opts.getOrDefault("seed", "1")), dayMinutes);
            progress("-- day: " + dayMinutes / 60 + " h of the default schedule in steps of " + step + " min, " + changes.size()
                    + " products changed through the REST API over the day, no webhooks");
            session.passTime(session.options().incrementalInterval());
            shop.tally().reset();
            long deliveriesBefore = session.sink().deliveries();
            Scenario s = begin(session);
            long engineNanos = 0;
            long changeNanos = 0;
            java.util.TreeMap<Long, RunView> runs = new java.util.TreeMap<>();
            long seen = s.runsBefore;
            for (int minute = 0; minute < dayMinutes; minute += step) {
                long c = System.nanoTime();
                for (int m = minute; m < minute + step; m++) {
                    changes.applyDue(m, shop);
                }
                changeNanos += System.nanoTime() - c;
                long e = System.nanoTime();
                session.advance(Duration.ofMinutes(step));
                engineNanos += System.nanoTime() - e;
                // collected as they finish: the history sweep keeps only the newest runs of each kind
                for (RunView run : session.runsAfter(seen)) {
                    runs.putIfAbsent(run.id().value(), run);
                }
                seen = runs.isEmpty() ? seen : Math.max(seen, runs.lastKey());
                if ((minute + step) % 120 == 0) {
                    progress(String.format("   %2d h: %d shop requests so far", (minute + step) / 60,
                            session.tally().total()));
                }
            }
            ObjectNode line = s.end("day", List.copyOf(runs.values()));
            line.put("changed", changes.size());
            line.put("engine_seconds", round(engineNanos / 1e9));
            line.put("change_requests_seconds", round(changeNanos / 1e9));
            line.put("change_requests", shop.tally().total());
            line.put("webhooks_delivered_to_sink", session.sink().deliveries() - deliveriesBefore);
            line.put("step_minutes", step);
            line.put("day_hours", dayMinutes / 60);
            Optional<String> difference = changes.difference(session.marketplace(), session.connectionId());
            difference.ifPresent(d -> progress("   at the end of the day the marketplace differs from the shop: " + d));
            line.put("changes_on_marketplace", difference.isEmpty());
            line.put("consistent", line.path("consistent").asBoolean() && difference.isEmpty());
            if (difference.isPresent()) {
                // a change made after the day's last incremental pass: one more interval, not measured, must bring it
                session.advance(session.options().incrementalInterval());
                Optional<String> after = changes.difference(session.marketplace(), session.connectionId());
                after.ifPresent(d -> progress("   one interval later the marketplace still differs: " + d));
                line.put("changes_on_marketplace_one_interval_later", after.isEmpty());
            }
            var minutes = line.putArray("change_minutes");
            changes.made().forEach(c -> minutes.add(c.minute()));
            return line;
        }

        private ObjectNode naiveLine(String name, long startNanos, String loadBefore) {
            ObjectNode line = line(name);
            line.put("seconds", round((System.nanoTime() - startNanos) / 1e9));
            line.put("requests_shop", shop.tally().total());
            line.put("shop_wait_seconds", round(shop.tally().waitSeconds()));
            line.put("load_before", loadBefore);
            line.put("load_after", load());
            shop.tally().snapshot().forEach(line.putObject("shop_routes")::put);
            return line;
        }

        private Scenario begin(RealStoreSession session) {
            session.tally().reset();
            session.marketplace().requests().reset();
            return new Scenario(session, System.nanoTime(), load(), session.newestRunId());
        }

        /** One engine scenario in progress. */
        private final class Scenario {
            private final RealStoreSession session;
            private final long startNanos;
            private final String loadBefore;
            private final long runsBefore;

            Scenario(RealStoreSession session, long startNanos, String loadBefore, long runsBefore) {
                this.session = session;
                this.startNanos = startNanos;
                this.loadBefore = loadBefore;
                this.runsBefore = runsBefore;
            }

            ObjectNode end(String name, List<RunView> runs) {
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                ShopTally tally = session.tally();
                Map<String, Long> marketplace = new TreeMap<>(session.marketplace().requests().snapshot());
                long marketplaceTotal = marketplace.values().stream().mapToLong(Long::longValue).sum();
                long marketplaceWrites = marketplace.entrySet().stream().filter(e -> !e.getKey().startsWith("GET "))
                        .mapToLong(Map.Entry::getValue).sum();
                ObjectNode line = line(name);
                line.put("seconds", round(seconds));
                line.put("requests_shop", tally.total());
                line.put("shop_writes", tally.writes());
                line.put("shop_failed", tally.failures());
                line.put("shop_wait_seconds", round(tally.waitSeconds()));
                line.put("requests_marketplace", marketplaceTotal);
                line.put("marketplace_writes", marketplaceWrites);
                line.put("requests_total", tally.total() + marketplaceTotal);
                line.put("load_before", loadBefore);
                line.put("load_after", load());
                tally.snapshot().forEach(line.putObject("shop_routes")::put);
                marketplace.forEach(line.putObject("marketplace_routes")::put);
                Map<String, Long> byKind = new TreeMap<>();
                Map<String, Long> counts = new TreeMap<>();
                boolean ok = !runs.isEmpty();
                for (RunView run : runs) {
                    byKind.merge(run.kind() + " " + run.status(), 1L, Long::sum);
                    counts.merge("read", run.counts().read(), Long::sum);
                    counts.merge("created", run.counts().created(), Long::sum);
                    counts.merge("updated", run.counts().updated(), Long::sum);
                    counts.merge("deleted", run.counts().deleted(), Long::sum);
                    counts.merge("unchanged", run.counts().unchanged(), Long::sum);
                    counts.merge("skipped", run.counts().skipped(), Long::sum);
                    counts.merge("failed", run.counts().failed(), Long::sum);
                    if (run.status() != RunStatus.SUCCEEDED) {
                        ok = false;
                        progress("   " + run.kind() + " run " + run.id() + " " + run.status()
                                + run.failure().map(f -> ": " + f).orElse(""));
                    }
                }
                byKind.forEach(line.putObject("runs")::put);
                counts.forEach(line.putObject("engine_counts")::put);
                line.put("consistent", ok);
                line.put("listings_on_marketplace", session.marketplace().listings(session.connectionId()).size());
                progress(String.format("   %.1f s, %d shop + %d marketplace requests, runs %s", seconds, tally.total(),
                        marketplaceTotal, byKind));
                return line;
            }
        }

        private ObjectNode line(String scenario) {
            ObjectNode line = StoreClient.JSON.createObjectNode();
            line.put("scenario", scenario);
            line.put("at", Instant.now().toString());
            line.put("store", url.toString());
            line.put("products", products);
            line.put("variations", variations);
            return line;
        }

        private void emit(ObjectNode line) {
            lines.accept(line.toString());
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** The system's load averages (1, 5, 15 minutes), from /proc/loadavg where there is one. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }

    private static void progress(String message) {
        System.err.println(message);
    }
}
