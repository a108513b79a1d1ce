package com.golisto.sync.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorServerTest {

    /** A tiny emulator: GET /things/{id} echoes the id, POST /things echoes the body. */
    static final class EchoEmulator extends EmulatorServer {
        private final Router router = new Router()
                .on("GET", "/things/{id}", (req, p) -> EmulatorResponse.json(200,
                        "{\"id\":" + p.get("id") + ",\"q\":\"" + req.queryParam("q").orElse("") + "\"}"))
                .on("POST", "/things", (req, p) -> EmulatorResponse.json(201, req.body()));

        @Override
        protected EmulatorResponse handle(EmulatorRequest request) {
            return router.match(request.method(), request.path())
                    .map(m -> m.route().handle(request, m.params()))
                    .orElseGet(() -> EmulatorResponse.json(404, "{\"code\":\"rest_no_route\"}"));
        }

        @Override
        protected String routeKey(String method, String path) {
            return router.routeKey(method, path);
        }
    }

    private EchoEmulator emulator;
    private HttpClient http;

    @BeforeEach
    void start() {
        emulator = new EchoEmulator();
        emulator.start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void start_bindsLoopbackEphemeralPort() {
        assertThat(emulator.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(emulator.baseUri().getPort()).isPositive();
    }

    @Test
    void request_isRoutedWithPathParamsAndDecodedQuery() throws Exception {
        HttpResponse<String> resp = get("/things/42?q=a%20b");
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.body()).isEqualTo("{\"id\":42,\"q\":\"a b\"}");
    }

    @Test
    void post_bodyIsPassedThrough() throws Exception {
        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/things"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(201);
        assertThat(resp.body()).isEqualTo("{\"x\":1}");
    }

    @Test
    void requests_areCountedByRouteTemplate_evenWhenFaulted() throws Exception {
        emulator.faults().inject("GET", "/things/\\d+", Fault.status(503), 1);
        get("/things/1");
        get("/things/2");
        get("/nowhere/7");
        assertThat(emulator.requests().count("GET /things/{id}")).isEqualTo(2);
        assertThat(emulator.requests().count("GET /nowhere/{id}")).isEqualTo(1);
        assertThat(emulator.requests().total()).isEqualTo(3);
        assertThat(emulator.requests().snapshot()).containsEntry("GET /things/{id}", 2L);
        emulator.requests().reset();
        assertThat(emulator.requests().total()).isZero();
    }

    @Test
    void statusFault_answersCodeAndRetryAfter_forTheGivenNumberOfTimes() throws Exception {
        emulator.faults().inject("GET", "/things/.*", Fault.status(429, Duration.ofSeconds(3),
                "{\"code\":\"too_many\"}"), 2);
        HttpResponse<String> first = get("/things/1");
        HttpResponse<String> second = get("/things/1");
        HttpResponse<String> third = get("/things/1");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(first.body()).isEqualTo("{\"code\":\"too_many\"}");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void faults_matchMethodAndWholePathOnly() throws Exception {
        emulator.faults().inject("POST", "/things/1", Fault.status(500), 1);
        emulator.faults().inject("GET", "/things", Fault.status(500), 1);
        assertThat(get("/things/1").statusCode()).isEqualTo(200);
        assertThat(emulator.faults().pending()).isEqualTo(2);
        emulator.faults().clear();
        assertThat(emulator.faults().pending()).isZero();
    }

    @Test
    void connectionReset_closesWithoutResponse() {
        emulator.faults().inject("POST", "/things", Fault.connectionReset(), 1);
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + "/things"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(emulator.requests().count("POST /things")).isEqualTo(1);
    }

    @Test
    void connectionReset_onGet_isSeenByEveryAttemptOfTheClient() {
        // java.net.http retries an idempotent request once on a closed connection: inject twice
        emulator.faults().inject("GET", "/things/1", Fault.connectionReset(), 2);
        assertThatThrownBy(() -> get("/things/1")).isInstanceOf(IOException.class);
    }

    @Test
    void truncatedBody_failsTheClientRead() {
        emulator.faults().inject("GET", "/things/1", Fault.truncatedBody(), 1);
        assertThatThrownBy(() -> get("/things/1")).isInstanceOf(IOException.class);
    }

    @Test
    void latency_delaysThenServesNormally() throws Exception {
        emulator.faults().inject("*", "/things/1", Fault.latency(Duration.ofMillis(150)), 1);
        long t0 = System.nanoTime();
        HttpResponse<String> resp = get("/things/1");
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(150);
    }

    @Test
    void invalidFaults_areRejected() {
        assertThatThrownBy(() -> Fault.status(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.latency(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().inject("GET", "/x", Fault.status(500), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dateHeader_followsTheEmulatorsClock() throws Exception {
        MutableClock clock = MutableClock.at(java.time.Instant.parse("2024-03-05T06:07:08Z"));
        try (EmulatorServer dated = new EmulatorServer(clock) {
            @Override
            protected EmulatorResponse handle(EmulatorRequest request) {
                return EmulatorResponse.empty(204);
            }
        }) {
            dated.start();
            HttpResponse<String> resp = http.send(HttpRequest.newBuilder(dated.baseUri().resolve("/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(resp.headers().allValues("Date")).containsExactly("Tue, 05 Mar 2024 06:07:08 GMT");
        }
    }

    @Test
    void mutableClock_advancesSharedAcrossZones() {
        MutableClock clock = MutableClock.at(java.time.Instant.parse("2024-01-01T00:00:00Z"));
        java.time.Clock other = clock.withZone(java.time.ZoneId.of("America/Sao_Paulo"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(other.instant()).isEqualTo(java.time.Instant.parse("2024-01-01T00:05:00Z"));
    }
}
