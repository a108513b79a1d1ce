package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Several packaged runner processes ({@link RunnerProcess}) sharing one PostgreSQL schema ({@link ClusterPostgres})
 * and one master key file, each with its own port, admin API and data folder, all declaring the same stores: one
 * WooCommerce emulator per store and one Golisto emulator, in this JVM on loopback. What the scale-out tests share.
 *
 * <p>The nodes are {@code node-1} ... (their {@code cluster.node-id}, so a row of {@code store_leases} names the
 * node working on a store) with short cluster timings, order polls every second, a failed pass retried within a
 * second or two, and no catalog pass but the first full one after approval and its retries (the daily one 22 hours
 * away, the incremental one daily). Store {@code i} is
 * connected through node {@code i mod nodes}, so Golisto's webhooks for it go there.
 */
final class TestingCluster implements AutoCloseable {
    static final String WOO = "/wp-json/wc/v3";
    /** Bounds every wait on a failure only; failover itself is measured against its own bound. */
    static final Duration DEADLINE = Duration.ofSeconds(90);
    /** Bounds the waits of {@link ScaleOutBenchmark}, whose fleets take minutes to sync. */
    static final Duration BENCHMARK_DEADLINE = Duration.ofMinutes(30);

    private final Path dir;
    private final ClusterPostgres postgres;
    private final String jdbcUrl;
    private final GolistoEmulator golisto;
    private final List<WooCommerceEmulator> shops = new ArrayList<>();
    private final List<WooApiKey> keys = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Integer, String> accounts = new java.util.concurrent.ConcurrentHashMap<>();
    private final String token = "cluster-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Database db;

    private TestingCluster(Path dir, ClusterPostgres postgres, String jdbcUrl) {
        this.dir = dir;
        this.postgres = postgres;
        this.jdbcUrl = jdbcUrl;
        this.db = new Database(jdbcUrl);
        golisto = GolistoEmulator.builder().rateLimit(1_000_000, Duration.ofMinutes(1)).build().start();
        golisto.webhooks().deliverImmediately(true);
    }

    /**
     * PostgreSQL (or a skip of the calling test when it cannot be had), the emulators with empty shops, and the
     * nodes' configuration files; seed the shops, then {@link #startNodes()}.
     */
    static TestingCluster start(Path dir, int nodeCount, int storeCount) throws Exception {
        ClusterPostgres postgres = ClusterPostgres.start();
        TestingCluster cluster;
        try {
            cluster = new TestingCluster(dir, postgres, postgres.createSchema());
        } catch (SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        try {
            for (int i = 0; i < storeCount; i++) {
                WooApiKey key = WooApiKey.random(1, "read_write");
                WooCommerceEmulator shop = WooCommerceEmulator.builder().currency("EUR")
                        .webhookAutoDeliveryDelay(Duration.ZERO).build().start();
                shop.addApiKey(key);
                cluster.shops.add(shop);
                cluster.keys.add(key);
            }
            cluster.writeMasterKey();
            for (int n = 1; n <= nodeCount; n++) {
                cluster.nodes.add(cluster.configure("node-" + n));
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** One key for every node, written before any starts (none of them has to create it). */
    private void writeMasterKey() throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path file = dir.resolve("master.key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    }

    private Node configure(String name) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String daily = LocalTime.now(ZoneOffset.UTC).minusHours(2).format(DateTimeFormatter.ofPattern("HH:mm"));
        StringBuilder stores = new StringBuilder();
        for (int i = 0; i < shops.size(); i++) {
            stores.append("""
                      - id: %s
                        woocommerce:
                          url: "%s"
                          consumer-key: "%s"
                          consumer-secret: "%s"
                          strict-delivery-urls: "false"
                    """.formatted(storeId(i), shops.get(i).homeUrl(), keys.get(i).consumerKey(),
                    keys.get(i).consumerSecret()));
        }
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: %d
                  admin-token: "%s"
                state:
                  data-dir: "%s"
                  jdbc-url: "%s"
                  master-key-file: "%s"
                  pool-size: 4
                golisto:
                  api-url: "%s"
                  web-url: "%s"
                  status-poll-interval: PT1M
                sync:
                  daily-full-sync-at: "%s"
                  time-zone: UTC
                  incremental-interval: PT24H
                  order-poll-interval: PT1S
                  webhook-debounce: PT1S
                  pass-retry:
                    first: PT1S
                    max: PT2S
                %sstores:
                """.formatted(port, token, dir.resolve(name), jdbcUrl, dir.resolve("master.key"),
                golisto.apiBaseUri(), golisto.webBaseUri(), daily, clusterSettings(name)) + stores);
        return new Node(name, port, config);
    }

    /**
     * Short cluster timings, so that a dead node's work moves within seconds; with the environment variable
     * {@code GS_CLUSTER_DEFAULT_TIMINGS=true} the runners' defaults instead (to measure the failover a deployment gets,
     * docs/scale-out.md).
     */
    private static String clusterSettings(String name) {
        if ("true".equals(System.getenv("GS_CLUSTER_DEFAULT_TIMINGS"))) {
            return "cluster:\n  node-id: %s\n".formatted(name);
        }
        return """
                cluster:
                  node-id: %s
                  heartbeat-interval: PT1S
                  missed-heartbeats: 4
                  lease-duration: PT4S
                  poll-interval: PT0.5S
                """.formatted(name);
    }

    /**
     * Starts the nodes at the same moment, as a deployment does: all three register the same {@code stores} section at
     * once (their concurrent registrations of one store must all succeed), and each is returned once it serves.
     */
    void startNodes() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<RunnerProcess>> started = new ArrayList<>();
            for (Node node : nodes) {
                started.add(starting.submit(() -> RunnerProcess.start(dir, node.config, node.port, token, node.name)));
            }
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    nodes.get(i).runner = started.get(i).get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            starting.shutdown();
        }
    }

    /**
     * Links every store as the merchant's browser does (a node's connect link, Golisto's connect page, its redirect
     * to that node's {@code /connect/return}) and has Golisto approve it; a few stores at a time.
     */
    void connectAll() throws Exception {
        ExecutorService connecting = Executors.newFixedThreadPool(5);
        try {
            List<Future<String>> linked = new ArrayList<>();
            for (int i = 0; i < shops.size(); i++) {
                int store = i;
                linked.add(connecting.submit(() -> connect(store)));
            }
            for (int i = 0; i < shops.size(); i++) {
                try {
                    accounts.put(i, linked.get(i).get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            connecting.shutdown();
        }
    }

    private String connect(int i) throws IOException, InterruptedException {
        RunnerProcess runner = nodes.get(i % nodes.size()).runner;
        String store = storeId(i);
        RunnerProcess.Answer link = runner.post("/api/stores/" + store + "/connect", "{}");
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        URI connect = URI.create(link.body().path("connect_url").asText());
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(connect).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("Golisto's connect page redirects back").isEqualTo(302);
        URI back = connect.resolve(page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> returned = browser.send(HttpRequest.newBuilder(back).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        JsonNode view = runner.get("/api/stores/" + store);
        String account = view.path("account_id").asText();
        golisto.approve(account); // its connection.approved webhook reaches the node before this returns
        return account;
    }

    String storeId(int store) {
        return "shop-%02d".formatted(store + 1);
    }

    List<WooCommerceEmulator> shops() {
        return shops;
    }

    WooCommerceEmulator shop(int store) {
        return shops.get(store);
    }

    GolistoEmulator golisto() {
        return golisto;
    }

    String account(int store) {
        return accounts.get(store);
    }

    List<GolistoListing> listings(int store) {
        return golisto.listings(account(store));
    }

    Database db() {
        return db;
    }

    /** The nodes not killed. */
    List<Node> alive() {
        return nodes.stream().filter(n -> !n.killed).toList();
    }

    /** The node whose work lease on the store is current ({@code store_leases.owner}); it must be alive. */
    Node nodeWorkingOn(String storeId) {
        String owner = db.leaseOwner(storeId).orElseThrow(() -> new AssertionError("no node holds " + storeId
                + "'s lease: " + db.leases()));
        Node node = nodes.stream().filter(n -> n.name.equals(owner)).findFirst().orElseThrow(() -> new AssertionError(
                storeId + "'s lease is held by " + owner + ", none of the nodes " + nodes + ": " + db.leases()));
        assertThat(node.killed).as("%s holds %s's lease", node, storeId).isFalse();
        return node;
    }

    /**
     * SIGKILLs the node ({@link Process#destroyForcibly()}: no shutdown hook, nothing flushed) and waits until it is
     * gone.
     *
     * @return when the signal was sent, epoch milliseconds
     */
    long kill(Node node) throws InterruptedException {
        long at = System.currentTimeMillis();
        node.runner.kill();
        node.killed = true;
        return at;
    }

    /** The node whose log records the end of this run ({@code event=run_finished run=<id>}). */
    String nodeThatFinished(long runId) throws IOException {
        List<String> finishers = new ArrayList<>();
        for (Node node : nodes) {
            if (node.runner.log().contains("event=run_finished run=" + runId + " ")) {
                finishers.add(node.name);
            }
        }
        assertThat(finishers).as("the nodes that logged run %d finished", runId).hasSize(1);
        return finishers.get(0);
    }

    /** Polls a condition every few milliseconds up to {@link #DEADLINE}. */
    void await(String what, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        awaitValue(what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), state);
    }

    /** Polls a condition every few milliseconds up to {@code bound}. */
    void await(String what, Duration bound, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        awaitValue(what, bound, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), state);
    }

    /** Polls for a value every few milliseconds up to {@link #DEADLINE}; the value. */
    <T> T awaitValue(String what, Supplier<Optional<T>> value, Supplier<String> state) throws InterruptedException {
        return awaitValue(what, DEADLINE, value, state);
    }

    private <T> T awaitValue(String what, Duration bound, Supplier<Optional<T>> value, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Optional<T> found = value.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound + ": " + what + " (" + state.get() + ")"
                        + logTails());
            }
            Thread.sleep(20);
        }
    }

    private String logTails() {
        StringBuilder tails = new StringBuilder();
        for (Node node : nodes) {
            if (node.runner != null) {
                tails.append(node.runner.logTail());
            }
        }
        return tails.toString();
    }

    /** Kills the nodes still running, stops the emulators and PostgreSQL. */
    @Override
    public void close() throws InterruptedException {
        try {
            for (Node node : nodes) {
                if (node.runner != null) {
                    node.runner.close();
                }
            }
            keepLogs();
        } finally {
            browser.close();
            golisto.close();
            shops.forEach(WooCommerceEmulator::close);
            postgres.close();
        }
    }

    /** Copies the nodes' output to the folder system property {@code gs.cluster.logs} names, if any. */
    private void keepLogs() {
        String keep = System.getProperty("gs.cluster.logs");
        if (keep == null || keep.isBlank()) {
            return;
        }
        try (var files = Files.list(dir)) {
            Path target = Files.createDirectories(Path.of(keep));
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("runner-")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("could not keep the nodes' logs: " + e.getMessage());
        }
    }

    /** One runner process of the cluster. */
    static final class Node {
        private final String name;
        private final int port;
        private final Path config;
        private RunnerProcess runner;
        private boolean killed;

        Node(String name, int port, Path config) {
            this.name = name;
            this.port = port;
            this.config = config;
        }

        String name() {
            return name;
        }

        @Override
        public String toString() {
            return name + (killed ? " (killed)" : "");
        }
    }

    /** Reads the state the nodes share, straight from PostgreSQL. */
    static final class Database {
        private final String url;

        Database(String url) {
            this.url = url;
        }

        /** The owner of the store's unexpired lease, if any. */
        Optional<String> leaseOwner(String storeId) {
            List<Map<String, Object>> rows = query("SELECT owner FROM store_leases WHERE store_id = ? AND expires_at > ?",
                    storeId, System.currentTimeMillis());
            return rows.stream().map(r -> (String) r.get("owner")).findFirst();
        }

        String leases() {
            return query("SELECT * FROM store_leases ORDER BY store_id").toString();
        }

        /** The id of the store's one run of this kind in progress. */
        long runningRun(String storeId, String kind) {
            List<Map<String, Object>> running = query("SELECT id FROM sync_runs WHERE store_id = ? AND kind = ?"
                    + " AND status = 'RUNNING'", storeId, kind);
            assertThat(running).as("%s runs of %s in progress", kind, storeId).hasSize(1);
            return (Long) running.get(0).get("id");
        }

        /** The store's first successful run of this kind finished after the instant (epoch ms): id, finished_at. */
        Optional<Map<String, Object>> succeededAfter(String storeId, String kind, long after) {
            return query("SELECT id, finished_at FROM sync_runs WHERE store_id = ? AND kind = ? AND status = 'SUCCEEDED'"
                    + " AND finished_at > ? ORDER BY finished_at", storeId, kind, after).stream().findFirst();
        }

        /** The stores whose orders were polled successfully after the instant (epoch ms). */
        TreeSet<String> storesPolledAfter(long after) {
            TreeSet<String> stores = new TreeSet<>();
            query("SELECT store_id FROM poll_counts WHERE kind = 'ORDERS' AND last_polled_at > ?", after)
                    .forEach(r -> stores.add((String) r.get("store_id")));
            return stores;
        }

        /** The store's runs, newest first, for messages. */
        String runs(String storeId) {
            return query("SELECT id, kind, status, started_at, finished_at, error_message FROM sync_runs"
                    + " WHERE store_id = ? ORDER BY id DESC", storeId).toString();
        }

        List<Map<String, Object>> query(String sql, Object... parameters) {
            try (Connection c = ClusterPostgres.connect(url); PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                            row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        }
    }
}
