package com.golisto.sync.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.metrics.RunnerMetrics;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge over real loopback HTTP: what unauthenticated clients can make the runner keep (metric series), and
 * what oversized, misdirected or foreign requests get; plus the headers every answer carries.
 */
class EdgeLimitsTest {
    private final AtomicInteger storeLookups = new AtomicInteger();
    private final RunnerMetrics metrics = new RunnerMetrics();
    private final HttpClient http = HttpClient.newHttpClient();
    private RunnerServer server;

    @BeforeEach
    void start() {
        var engine = TestingEdgeEngine.create(storeLookups);
        List<Route> routes = new ArrayList<>(new OpsRoutes(engine, metrics).routes());
        routes.addAll(new WebhookRoutes(engine, metrics, Set.of("woocommerce")).routes());
        server = new RunnerServer("127.0.0.1", 0, metrics, HttpLimits.defaults(), EdgePolicy.of("127.0.0.1", null));
        server.start(routes);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void thousandsOfRandomWebhookPaths_leaveTheMetricSeriesUnchanged() throws Exception {
        // one of each kind first, so each bounded series already exists
        post("/webhooks/warm/up");
        post("/webhooks/woocommerce/warm-up");
        post("/webhooks/warm");
        post("/warm");
        Set<String> before = series();

        for (int i = 0; i < 2_000; i++) {
            String r = UUID.randomUUID().toString();
            String path = switch (i % 4) {
                case 0 -> "/webhooks/" + r + "/" + r;
                case 1 -> "/webhooks/woocommerce/" + r;
                case 2 -> "/webhooks/" + r;
                default -> "/" + r + "/x";
            };
            assertThat(post(path).statusCode()).isEqualTo(404);
        }

        assertThat(series()).isEqualTo(before);
        assertThat(metrics.scrape()).contains("source=\"unknown\"").doesNotContain("warm");
    }

    @Test
    void aStoreIdLongerThanAnyStore_isNotLookedUp() throws Exception {
        HttpResponse<String> r = post("/webhooks/woocommerce/" + "a".repeat(5_000));

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(storeLookups).hasValue(0);
    }

    @Test
    void aSixteenKilobyteHeader_answers431() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.localUri().resolve("/healthz"))
                .header("X-Padding", "p".repeat(16 * 1024)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.headers().firstValue("Server")).isEmpty();
        assertThat(r.body()).doesNotContain("12.");
    }

    @Test
    void everyAnswer_carriesTheSecurityHeaders_andNoServerVersion() throws Exception {
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(server.localUri().resolve("/healthz")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = post("/nowhere");

        for (HttpResponse<String> r : List.of(ok, missing)) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("Server")).isEmpty();
        }
    }

    @Test
    void aForeignHost_isRefusedWith421_theBoundAddressAndLocalhostAreAnswered() throws Exception {
        assertThat(rawStatus("GET /healthz HTTP/1.1\r\nHost: rebound.attacker.example\r\nConnection: close\r\n\r\n"))
                .isEqualTo("421");
        assertThat(rawStatus("GET /healthz HTTP/1.1\r\nHost: rebound.attacker.example:" + server.port()
                + "\r\nConnection: close\r\n\r\n")).isEqualTo("421");
        assertThat(rawStatus("GET /healthz HTTP/1.0\r\n\r\n")).isEqualTo("400");
        assertThat(rawStatus("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n"))
                .isEqualTo("200");
        assertThat(rawStatus("GET /healthz HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n"))
                .isEqualTo("200");
    }

    @Test
    void thePublicHost_isAnswered_otherNamesAreNot() {
        EdgePolicy behindProxy = EdgePolicy.of("127.0.0.1", java.net.URI.create("https://sync.shop.example"));
        EdgePolicy everywhere = EdgePolicy.of("0.0.0.0", null);

        assertThat(behindProxy.accepts("sync.shop.example")).isTrue();
        assertThat(behindProxy.accepts("SYNC.shop.example:443")).isTrue();
        assertThat(behindProxy.accepts("evil.example")).isFalse();
        assertThat(behindProxy.accepts("192.168.1.5")).isFalse();
        assertThat(everywhere.accepts("192.168.1.5:8080")).isTrue();
        assertThat(everywhere.accepts("[::1]:8080")).isTrue();
        assertThat(everywhere.accepts("evil.example")).isFalse();
        assertThat(everywhere.withExtraHosts(Set.of("sync.lan")).accepts("sync.lan:8080")).isTrue();
    }

    private String rawStatus(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return head.length() == 12 ? head.substring(9) : head;
        }
    }

    /** Every exported series (name and labels), without values. */
    /**
     * The runner's own series. The JVM's and the process's (jvm_, process_, system_) are left out: their labels come
     * from the JVM (a GC cause, a memory pool), never from a request, and some appear only once the JVM does them.
     */
    private Set<String> series() {
        return metrics.scrape().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .filter(l -> !l.startsWith("jvm_") && !l.startsWith("process_") && !l.startsWith("system_"))
                .map(l -> l.substring(0, l.lastIndexOf(' '))).collect(Collectors.toSet());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.localUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
