package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The WooCommerce and Golisto emulators in this JVM on loopback, and the packaged runner serving one store of
 * them from a child process ({@link RunnerProcess}) on a data folder that outlives each process: what the
 * process-kill tests share. Everything runs on the system clock, as the child must.
 *
 * <p>The runner is configured by a YAML file: a fixed port (remotes keep the runner's URL across restarts), the
 * store with the emulator's keys (plain http, so OAuth 1.0a; {@code strict-delivery-urls: false} for loopback
 * webhook URLs), and schedules placed so that only what a test asks for runs (the daily full sync 22 hours away,
 * the incremental pass daily). Product webhooks are never delivered: only full passes move the catalog.
 */
final class TestingProcessSandbox implements AutoCloseable {
    static final String SHOP = "kill-shop";
    static final String WOO = "/wp-json/wc/v3";
    /**
     * A latency no test outlasts: the request chosen as a kill point is held by its emulator until the test
     * {@linkplain #release releases} it, so the runner is killed while it waits however slow the machine is.
     */
    static final Duration HOLD = Duration.ofMinutes(10);
    private static final Duration DEADLINE = Duration.ofSeconds(45);

    final WooCommerceEmulator woo;
    final GolistoEmulator golisto;
    private final Path dir;
    private final WooApiKey key = WooApiKey.random(1, "read_write");
    private final String token = "kill-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private Path config;
    private RunnerProcess runner;
    private int starts;

    private TestingProcessSandbox(Path dir) throws IOException {
        this.dir = dir;
        woo = WooCommerceEmulator.builder().currency("EUR").webhookAutoDeliveryDelay(Duration.ZERO).build().start();
        woo.addApiKey(key);
        golisto = GolistoEmulator.builder().rateLimit(100_000, Duration.ofMinutes(1)).build().start();
        golisto.webhooks().deliverImmediately(true);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
    }

    /** Starts the emulators (empty shop); the runner's files go to {@code dir}. */
    static TestingProcessSandbox start(Path dir) throws IOException {
        return new TestingProcessSandbox(dir);
    }

    /** Writes the runner's configuration; call once the shop is seeded, before {@link #startRunner()}. */
    void configure(Duration orderPollInterval) throws IOException {
        configure(orderPollInterval, Map.of());
    }

    /** As {@link #configure(Duration)}, with more WooCommerce connector settings (docs/woocommerce.md). */
    void configure(Duration orderPollInterval, Map<String, String> wooCommerceSettings) throws IOException {
        StringBuilder more = new StringBuilder();
        wooCommerceSettings.forEach((k, v) -> more.append("      ").append(k).append(": \"").append(v).append("\"\n"));
        String daily = LocalTime.now(ZoneOffset.UTC).minusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        config = dir.resolve("golisto-sync.yaml");
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
                  incremental-interval: PT24H
                  order-poll-interval: %s
                  webhook-debounce: PT1S
                stores:
                  - id: %s
                    woocommerce:
                      url: "%s"
                      consumer-key: "%s"
                      consumer-secret: "%s"
                      strict-delivery-urls: "false"
                """.formatted(port, token, dir.resolve("data"), golisto.apiBaseUri(), golisto.webBaseUri(), daily,
                orderPollInterval, SHOP, woo.homeUrl(), key.consumerKey(), key.consumerSecret()) + more);
    }

    /** Starts {@code serve} on the data folder (again) and waits until it serves. */
    RunnerProcess startRunner() throws IOException, InterruptedException {
        starts++;
        runner = RunnerProcess.start(dir, config, port, token, Integer.toString(starts));
        return runner;
    }

    /**
     * Links the store as the merchant's browser does (the admin API's connect link, Golisto's connect page, its
     * redirect to the runner's {@code /connect/return}) and has Golisto approve it. Returns the account id.
     */
    String connectAndApprove() throws IOException, InterruptedException {
        RunnerProcess.Answer link = runner.post("/api/stores/" + SHOP + "/connect", "{}");
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        assertThat(link.body().path("step").asText()).isEqualTo("link_golisto");
        URI connect = URI.create(link.body().path("connect_url").asText());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(connect).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("Golisto's connect page redirects back").isEqualTo(302);
        URI back = connect.resolve(page.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/connect/return");
        HttpResponse<String> returned = browser.send(HttpRequest.newBuilder(back).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        JsonNode store = runner.get("/api/stores/" + SHOP);
        assertThat(store.path("status").asText()).isEqualTo("awaiting_approval");
        String account = store.path("account_id").asText();
        golisto.approve(account); // its connection.approved webhook reaches the runner before this returns
        assertThat(golisto.webhooks().sent()).last().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        return account;
    }

    /** {@code POST /api/stores/{id}/sync} full; the run id. */
    long requestFullSync() throws IOException, InterruptedException {
        RunnerProcess.Answer started = runner.post("/api/stores/" + SHOP + "/sync", "{\"mode\":\"full\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.body().path("run_id").asLong();
    }

    /** The store's last runs, newest first, as the admin API shows them. */
    List<JsonNode> runs() throws IOException, InterruptedException {
        List<JsonNode> runs = new ArrayList<>();
        runner.get("/api/stores/" + SHOP).path("last_runs").forEach(runs::add);
        return runs;
    }

    /** The one run of this kind in progress (asked while the runner waits on a held request). */
    long runningRunId(String kind) throws IOException, InterruptedException {
        List<JsonNode> running = runs().stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("status").asText().equals("running"))
                .toList();
        assertThat(running).as("%s runs in progress%s", kind, runner.logTail()).hasSize(1);
        return running.get(0).path("id").asLong();
    }

    /** Waits until a run is no longer running; the run as the admin API shows it. */
    JsonNode awaitRun(long runId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JsonNode run = runner.get("/api/runs/" + runId);
            if (!run.path("status").asText().equals("running")) {
                return run;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " still running after " + DEADLINE + ": " + run
                        + runner.logTail());
            }
            Thread.sleep(50);
        }
    }

    /** A run a killed runner left in progress shows as failed, interrupted, once the restarted one worked. */
    void assertInterrupted(long runId) throws IOException, InterruptedException {
        JsonNode run = runner.get("/api/runs/" + runId);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.path("error").asText()).as(run.toString()).contains("interrupted");
        assertThat(run.path("finished_at").isNull()).as(run.toString()).isFalse();
    }

    /** No item of the store went to the dead letters. */
    void assertNoDeadLetters() throws IOException, InterruptedException {
        assertThat(runner.get("/api/dead-letters?store_id=" + SHOP).path("dead_letters")).isEmpty();
    }

    /** Waits until an emulator counted this many requests on a route. */
    void awaitRequests(EmulatorServer server, String route, long count) throws InterruptedException {
        await(route + " reaches " + count, () -> server.requests().count(route) >= count,
                () -> server.requests().toString());
    }

    /**
     * Ends the requests this emulator holds ({@link #HOLD}) now, waiting until it holds at least one: the emulator
     * carries each out, as a server does for a client that went away. Interrupts the emulator's threads sleeping in
     * the latency fault (the sandbox's {@code EmulatorServer.sleep} ends on interrupt and serves the request).
     */
    void release(EmulatorServer server) throws InterruptedException {
        String pool = server.getClass().getSimpleName();
        await(pool + " holds a request to release", () -> interruptHeld(pool) > 0, () -> "no held request");
    }

    private static int interruptHeld(String pool) {
        int released = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            boolean held = Arrays.stream(thread.getValue()).anyMatch(f -> f.getMethodName().equals("sleep")
                    && f.getClassName().equals(EmulatorServer.class.getName()));
            if (held && thread.getKey().getName().startsWith(pool)) {
                thread.getKey().interrupt();
                released++;
            }
        }
        return released;
    }

    /** Polls a condition on the emulators' state every few milliseconds, up to a deadline. */
    void await(String what, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE + ": " + what + " (" + state.get() + ")"
                        + (runner != null ? runner.logTail() : ""));
            }
            Thread.sleep(10);
        }
    }

    /** Kills the runner if it runs, stops the emulators. */
    @Override
    public void close() throws InterruptedException {
        try {
            if (runner != null) {
                runner.close();
            }
        } finally {
            browser.close();
            golisto.close();
            woo.close();
        }
    }
}
