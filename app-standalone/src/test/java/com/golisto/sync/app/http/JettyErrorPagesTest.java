package com.golisto.sync.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.metrics.RunnerMetrics;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers Jetty writes itself (a refused header, request line or version, before any route runs) and the
 * Host check's refusals carry the same security headers as every answer and no server version: over real
 * loopback HTTP, with a raw socket so that nothing in between fixes the request up.
 */
class JettyErrorPagesTest {
    private final RunnerMetrics metrics = new RunnerMetrics();
    private RunnerServer server;

    @BeforeEach
    void start() {
        var engine = TestingEdgeEngine.create(new AtomicInteger());
        List<Route> routes = new ArrayList<>(new OpsRoutes(engine, metrics).routes());
        routes.addAll(new WebhookRoutes(engine, metrics, Set.of("woocommerce")).routes());
        server = new RunnerServer("127.0.0.1", 0, metrics, HttpLimits.defaults(), EdgePolicy.of("127.0.0.1", null));
        server.start(routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A request Jetty or the edge refuses, and the status it gets. */
    record Refused(String what, String status, String request) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Refused> refused() {
        String host = "Host: 127.0.0.1\r\n";
        return List.of(
                new Refused("a 16 KiB header", "431",
                        "GET /healthz HTTP/1.1\r\n" + host + "X-Padding: " + "p".repeat(16 * 1024) + "\r\n\r\n"),
                new Refused("a 16 KiB request line", "414",
                        "GET /healthz?" + "q".repeat(16 * 1024) + " HTTP/1.1\r\n" + host + "\r\n"),
                new Refused("a malformed request line", "400", "GET\u0001 / HTTP/1.1\r\n" + host + "\r\n"),
                new Refused("an unknown HTTP version", "505", "GET /healthz HTTP/7.1\r\n" + host + "\r\n"),
                new Refused("two Content-Length headers", "400", "POST /healthz HTTP/1.1\r\n" + host
                        + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nxx"),
                new Refused("a foreign Host", "421", "GET /healthz HTTP/1.1\r\nHost: rebound.example\r\n\r\n"),
                new Refused("no Host", "400", "GET /healthz HTTP/1.0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedRequest_answerCarriesTheSecurityHeaders_andNoServerVersion(Refused refused) throws Exception {
        String answer = exchange(refused.request());
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);

        assertThat(answer).startsWith("HTTP/1.1 " + refused.status());
        assertThat(head).contains("\r\nx-content-type-options: nosniff")
                .contains("\r\nx-frame-options: deny")
                .containsPattern("\r\ncontent-security-policy: [^\r]*frame-ancestors 'none'")
                .contains("\r\nreferrer-policy: no-referrer")
                .doesNotContain("\r\nserver:")
                .doesNotContain("x-powered-by");
        assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("jetty").doesNotContain("12.1");
    }

    /** Sends the raw request and reads the whole answer (Jetty closes the connection after a refusal). */
    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
