package com.golisto.sync.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoAck;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fault soak ({@code bin/soak}, docs/reliability.md). The packaged runner serves one store of the WooCommerce
 * emulator in a child process; for the chosen time the emulators answer with random faults, the merchant changes
 * the catalog, buyers buy on Golisto and the runner is {@code kill -9}ed and restarted on its data folder every
 * minute or few. Then the faults stop, one full reconcile runs through the admin API, and the soak waits (up to a
 * bound) until the invariants hold: every sale exactly one acknowledged shop order, no stray order, the
 * marketplace equal to the shop. It prints a summary and a Markdown table, and exits 1 when an invariant fails.
 *
 * <p>Every random choice comes from one seeded {@link Random} on the one driving thread; the runner's own timing
 * is not reproducible, so a seed reproduces the soak's actions, not every interleaving.
 */
public final class Soak {
    private static final String STORE = "soak-shop";
    private static final Duration WOO_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GOLISTO_TIMEOUT = Duration.ofSeconds(30);
    /** Above both connectors' default {@code max-response-bytes} (32 MiB). */
    private static final int OVERSIZED = (32 << 20) + (64 << 10);

    private final SoakOptions options;
    private final PrintStream log;
    private final Random random;
    private final SoakFigures figures;

    private Soak(SoakOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
        this.random = new Random(options.seed());
        this.figures = new SoakFigures(options);
    }

    /**
     * Runs the soak; see {@link SoakOptions#USAGE}.
     *
     * @param args the command line
     */
    public static void main(String[] args) throws Exception {
        SoakOptions options;
        try {
            options = SoakOptions.parse(args);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            boolean help = message == null || message.isEmpty();
            if (!help) {
                System.err.println(message);
            }
            System.err.println(SoakOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        boolean held = new Soak(options, System.err).run();
        System.exit(held ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path work = options.workDir() != null ? Files.createDirectories(options.workDir())
                : Files.createTempDirectory("golisto-soak-");
        log("work folder " + work + ", seed " + options.seed() + ", " + options.duration().toSeconds() + " s");
        WooApiKey key = WooApiKey.random(1, "read_write");
        try (WooCommerceEmulator woo = WooCommerceEmulator.builder().currency("EUR").build().start();
             GolistoEmulator golisto = GolistoEmulator.builder().rateLimit(1_000_000, Duration.ofMinutes(1)).build()
                     .start()) {
            woo.addApiKey(key);
            woo.seedCatalog(new WooCatalogGenerator.Spec(options.products(), options.products() / 5, 4,
                    options.seed()));
            golisto.webhooks().deliverImmediately(true);
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String token = "soak-" + HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
            Path config = writeConfig(work, port, token, woo, golisto, key);
            try (RunnerChild runner = new RunnerChild(options.runnerJar(), options.runnerLib(), work, config, port,
                    token)) {
                Duration first = runner.start();
                log("runner serving on " + runner.base() + " after " + first.toMillis() + " ms");
                String account = connectAndApprove(runner, golisto);
                long began = System.nanoTime();
                Observer observer = new Observer(woo, golisto, account);
                ShopActivity activity = new ShopActivity(random, woo.merchant(), golisto, account);
                Verdict initial = awaitHolds(observer, activity, options.convergeTimeout());
                figures.initialSync(Duration.ofNanos(System.nanoTime() - began), initial);
                log("first full sync: " + initial.summary());
                Chaos chaos = new Chaos(random, List.of(
                        new Chaos.Target("WooCommerce", woo, WOO_TIMEOUT.plusSeconds(5)),
                        new Chaos.Target("Golisto", golisto, GOLISTO_TIMEOUT.plusSeconds(5))), OVERSIZED);
                soak(runner, chaos, activity, woo);
                chaos.stop();
                long faultsOff = System.nanoTime();
                figures.faultsServed(chaos.served(), chaos.requests());
                figures.activity(activity.sales().size(), activity.refusedSales(), activity.changes());
                Verdict atStop = Invariants.check(observer.observe(activity.sales()));
                figures.atFaultsOff(atStop);
                log("faults off: " + atStop.summary());
                if (!runner.alive()) {
                    figures.restarted(runner.start());
                }
                reconcile(runner);
                Verdict afterReconcile = Invariants.check(observer.observe(activity.sales()));
                figures.afterReconcile(afterReconcile);
                log("after the reconcile: " + afterReconcile.summary());
                Verdict last = awaitHolds(observer, activity, options.convergeTimeout());
                figures.converged(Duration.ofNanos(System.nanoTime() - faultsOff), last);
                figures.deadLetters(runner.get("/api/dead-letters?store_id=" + STORE).path("dead_letters").size());
                figures.runs(runner.finishedRuns());
                figures.print(System.out);
                return last.holds();
            }
        }
    }

    /** The soak proper: faults, changes, sales and kills at their random paces until the time is up. */
    private void soak(RunnerChild runner, Chaos chaos, ShopActivity activity, WooCommerceEmulator woo)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        long nextFault = start;
        long nextChange = start + millis(500, 2_000);
        long nextSale = start + millis(1_000, 4_000);
        long nextKill = start + millis(options.killMin().toMillis(), options.killMax().toMillis());
        long nextReport = start + Duration.ofMinutes(1).toNanos() / 2;
        while (true) {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            if (now >= nextKill) {
                runner.kill();
                figures.killed();
                log("kill -9 #" + figures.kills() + " at " + (now - start) / 1_000_000_000 + " s");
                Duration serving = runner.start();
                figures.restarted(serving);
                log("restarted, serving after " + serving.toMillis() + " ms");
                nextKill = System.nanoTime() + millis(options.killMin().toMillis(), options.killMax().toMillis());
            }
            if (now >= nextFault) {
                chaos.tick();
                nextFault = now + Duration.ofMillis(100).toNanos();
            }
            if (now >= nextChange) {
                try {
                    activity.changeOne();
                } catch (RuntimeException e) {
                    figures.activityError("change: " + e.getMessage());
                }
                nextChange = now + millis(1_000, 3_000);
            }
            if (now >= nextSale) {
                try {
                    activity.sellOne();
                } catch (RuntimeException e) {
                    figures.activityError("sale: " + e.getMessage());
                }
                nextSale = now + millis(2_000, 5_000);
            }
            if (now >= nextReport) {
                log((now - start) / 1_000_000_000 + " s: " + activity.sales().size() + " sales, " + woo.orders().size()
                        + " shop orders, " + figures.kills() + " kills, faults served " + chaos.served());
                nextReport = now + Duration.ofMinutes(1).toNanos() / 2;
            }
            long wake = Math.min(Math.min(nextKill, nextFault), Math.min(Math.min(nextChange, nextSale),
                    Math.min(nextReport, end)));
            long pause = wake - System.nanoTime();
            if (pause > 0) {
                Thread.sleep(Duration.ofNanos(pause)); // the soak's own pacing, not a wait for the runner
            }
        }
    }

    /** One full pass through the admin API, waited for; a failed one is repeated, at most three in all. */
    private void reconcile(RunnerChild runner) throws IOException, InterruptedException {
        long began = System.nanoTime();
        for (int attempt = 1; attempt <= 3; attempt++) {
            RunnerChild.Answer started = runner.post("/api/stores/" + STORE + "/sync", "{\"mode\":\"full\"}");
            if (started.status() != 202) {
                throw new IllegalStateException("the reconcile was refused: " + started);
            }
            long runId = started.body().path("run_id").asLong();
            JsonNode run = awaitRun(runner, runId);
            log("reconcile run " + runId + ": " + run.path("status").asText() + " " + run.path("counts")
                    + (run.path("error").isTextual() ? " " + run.path("error").asText() : ""));
            figures.reconcile(attempt, run);
            if (run.path("status").asText().equals("succeeded")) {
                break;
            }
        }
        figures.reconcileTook(Duration.ofNanos(System.nanoTime() - began));
    }

    private JsonNode awaitRun(RunnerChild runner, long runId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.convergeTimeout().toNanos();
        while (true) {
            JsonNode run = runner.get("/api/runs/" + runId);
            if (!run.path("status").asText().equals("running") || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(200);
        }
    }

    /** Checks the invariants every second until they hold or the timeout passes; the last verdict. */
    private Verdict awaitHolds(Observer observer, ShopActivity activity, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Verdict verdict = Invariants.check(observer.observe(activity.sales()));
            if (verdict.holds() || System.nanoTime() > deadline) {
                return verdict;
            }
            Thread.sleep(1_000);
        }
    }

    /** Links the store as the merchant's browser does, then Golisto approves it; the account id. */
    private String connectAndApprove(RunnerChild runner, GolistoEmulator golisto)
            throws IOException, InterruptedException {
        RunnerChild.Answer link = runner.post("/api/stores/" + STORE + "/connect", "{}");
        if (link.status() != 200) {
            throw new IllegalStateException("connect answered " + link);
        }
        URI connect = URI.create(link.body().path("connect_url").asText());
        HttpResponse<String> page = runner.browse(connect);
        URI back = connect.resolve(page.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("Golisto's connect page did not redirect: " + page.statusCode())));
        HttpResponse<String> returned = runner.browse(back);
        if (returned.statusCode() != 200) {
            throw new IllegalStateException("the connect return answered " + returned.statusCode());
        }
        String account = runner.get("/api/stores/" + STORE).path("account_id").asText();
        golisto.approve(account);
        return account;
    }

    private Path writeConfig(Path work, int port, String token, WooCommerceEmulator woo, GolistoEmulator golisto,
                             WooApiKey key) throws IOException {
        // the daily full sync 22 hours away: only the webhooks, the incremental pass, the order poll and the
        // soak's reconcile move things
        String daily = LocalTime.now(ZoneOffset.UTC).minusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        Path config = work.resolve("golisto-sync.yaml");
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: %d
                  admin-token: "%s"
                state:
                  data-dir: "%s"
                golisto:
                  api-url: "%s"
                  web-url: "%s"
                  status-poll-interval: PT1M
                sync:
                  daily-full-sync-at: "%s"
                  time-zone: UTC
                  incremental-interval: PT2M
                  order-poll-interval: PT15S
                  webhook-debounce: PT1S
                stores:
                  - id: %s
                    woocommerce:
                      url: "%s"
                      consumer-key: "%s"
                      consumer-secret: "%s"
                      strict-delivery-urls: "false"
                      request-timeout: "%s"
                """.formatted(port, token, work.resolve("data"), golisto.apiBaseUri(), golisto.webBaseUri(), daily,
                STORE, woo.homeUrl(), key.consumerKey(), key.consumerSecret(), WOO_TIMEOUT));
        return config;
    }

    private long millis(long low, long high) {
        return Duration.ofMillis(low + (high > low ? random.nextLong(high - low) : 0)).toNanos();
    }

    private void log(String line) {
        log.println(LocalTime.now(ZoneOffset.UTC).withNano(0) + " soak: " + line);
    }

    /** Reads the emulators' state into an {@link Observation}. */
    private record Observer(WooCommerceEmulator woo, GolistoEmulator golisto, String account) {
        Observation observe(List<String> sales) {
            List<Observation.ShopOrder> orders = new ArrayList<>();
            for (JsonNode order : woo.orders()) {
                String golistoId = null;
                for (JsonNode meta : order.path("meta_data")) {
                    if (meta.path("key").asText().equals("_golisto_order_id")) {
                        golistoId = meta.path("value").asText();
                    }
                }
                orders.add(new Observation.ShopOrder(order.path("id").asText(), golistoId));
            }
            Map<String, String> acks = new java.util.HashMap<>();
            for (String sale : sales) {
                golisto.sales().acknowledgement(sale).map(GolistoAck::shopOrderId).ifPresent(id -> acks.put(sale, id));
            }
            Map<String, String> shop = new java.util.HashMap<>();
            for (long id : woo.merchant().productIds()) {
                woo.merchant().product(id).filter(p -> p.path("status").asText().equals("publish")).ifPresent(p ->
                        shop.put(Long.toString(id), CatalogView.describeShopProduct(p, woo.merchant().variations(id))));
            }
            List<Observation.Listing> listings = golisto.listings(account).stream()
                    .map(l -> new Observation.Listing(l.externalId(), CatalogView.describeListing(l.json()))).toList();
            return new Observation(sales, orders, acks, shop, listings);
        }
    }
}
