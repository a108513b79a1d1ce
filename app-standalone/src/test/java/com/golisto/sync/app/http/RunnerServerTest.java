package com.golisto.sync.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunnerServerTest {
    private final List<String> observed = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger bodiesRead = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private RunnerServer server;

    @BeforeEach
    void start() {
        server = new RunnerServer("127.0.0.1", 0, (route, status, elapsed) -> observed.add(route + " " + status));
        server.start(List.of(
                Route.post("/echo/{name}", ex -> {
                    byte[] body = ex.body();
                    bodiesRead.incrementAndGet();
                    ex.json(200, "{\"name\":" + Json.quote(ex.pathParam("name")) + ",\"bytes\":" + body.length + "}");
                }),
                Route.get("/teapot", ex -> {
                    throw new HttpError(418, "teapot", "short and stout");
                }),
                Route.get("/boom", ex -> {
                    throw new IllegalStateException("internal-detail");
                })));
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void post_bodyOfExactlyOneMebibyte_isRead() throws Exception {
        HttpResponse<String> r = post("/echo/a", new byte[Exchange.MAX_BODY_BYTES]);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"name\":\"a\",\"bytes\":1048576}");
        assertThat(observed).contains("POST /echo/{name} 200");
    }

    @Test
    void post_declaredBodyOverOneMebibyte_isRefusedWith413BeforeReadingIt() throws Exception {
        // sends only the headers: the answer comes although the body never does
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /echo/a HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + (Exchange.MAX_BODY_BYTES + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
        assertThat(bodiesRead).hasValue(0);
    }

    @Test
    void post_chunkedBodyOverOneMebibyte_isRefusedWith413() throws Exception {
        byte[] big = new byte[Exchange.MAX_BODY_BYTES + 1];
        HttpRequest request = HttpRequest.newBuilder(uri("/echo/a"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .timeout(Duration.ofSeconds(10)).build();

        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException reset) {
            status = 413; // the server may close the connection while the client is still sending
        }

        assertThat(status).isEqualTo(413);
        assertThat(bodiesRead).hasValue(0);
        // the server records its answer after writing it; the client may have seen the reset first
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!observed.contains("POST /echo/{name} 413") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(observed).contains("POST /echo/{name} 413");
    }

    @Test
    void unknownPathAndWrongMethod_answerJsonErrors() throws Exception {
        HttpResponse<String> missing = get("/nowhere");
        HttpResponse<String> wrongMethod = get("/echo/a");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":{\"code\":\"not_found\",\"message\":\"nothing at /nowhere\"}}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("\"code\":\"method_not_allowed\"");
    }

    @Test
    void handlerErrors_becomeTheirStatusOrA500WithoutDetails() throws Exception {
        HttpResponse<String> teapot = get("/teapot");
        HttpResponse<String> boom = get("/boom");

        assertThat(teapot.statusCode()).isEqualTo(418);
        assertThat(teapot.body()).isEqualTo("{\"error\":{\"code\":\"teapot\",\"message\":\"short and stout\"}}");
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).contains("internal_error").doesNotContain("internal-detail");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return server.localUri().resolve(path);
    }
}
