package com.golisto.sync.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.metrics.RunnerMetrics;
import java.io.IOException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hundred clients that send their bodies one byte every five seconds neither stop {@code /healthz} nor a
 * genuine webhook, and are cut off by the server. Over raw loopback sockets against a real {@link RunnerServer}.
 */
class SlowClientTest {
    private static final int CLIENTS = 100;
    private static final int DECLARED_BODY = 100;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void hundredTricklingBodies_doNotStopHealthOrAGenuineWebhook_andAreCutOff() throws Exception {
        RunnerMetrics metrics = new RunnerMetrics();
        var engine = TestingEdgeEngine.create(new AtomicInteger());
        CountDownLatch reading = new CountDownLatch(CLIENTS);
        List<Route> routes = new ArrayList<>(new OpsRoutes(engine, metrics).routes());
        routes.addAll(new WebhookRoutes(engine, metrics, Set.of("woocommerce")).routes());
        // reads its body exactly as the webhook routes do; the latch says the slow client is being served
        routes.add(Route.post("/trickle", ex -> {
            reading.countDown();
            ex.body();
            ex.empty(204);
        }));
        CountDownLatch cutOff = new CountDownLatch(CLIENTS);
        List<Socket> sockets = new ArrayList<>();
        ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        try (RunnerServer server = new RunnerServer("127.0.0.1", 0, metrics, HttpLimits.defaults(),
                EdgePolicy.of("127.0.0.1", null)).start(routes);
             HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /trickle HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + DECLARED_BODY + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readers.submit(() -> awaitAnswerOrClose(socket, cutOff));
            }
            trickler.scheduleAtFixedRate(() -> sockets.forEach(SlowClientTest::sendOneByte), 5, 5, TimeUnit.SECONDS);

            assertThat(reading.await(60, TimeUnit.SECONDS)).as("every slow client is being served").isTrue();
            // all at once: none had to be cut off (the first after its second byte, 5 s in) to free a thread
            long servedBeforeAnyCutOff = cutOff.getCount();
            long start = System.nanoTime();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.localUri().resolve("/healthz"))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Duration healthTook = Duration.ofNanos(System.nanoTime() - start);
            byte[] body = "{\"event\":\"order.created\"}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> webhook = http.send(HttpRequest.newBuilder(server.localUri().resolve("/webhooks/golisto"))
                    .timeout(Duration.ofSeconds(30)).header(TestingEdgeEngine.SIGNATURE_HEADER, TestingEdgeEngine.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            boolean allCutOff = cutOff.await(90, TimeUnit.SECONDS);

            assertThat(servedBeforeAnyCutOff).as("slow clients served at once").isEqualTo(CLIENTS);
            assertThat(health.statusCode()).as("healthz while %d bodies trickle (took %s)", CLIENTS, healthTook)
                    .isEqualTo(200);
            assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
            assertThat(webhook.body()).contains("accepted");
            assertThat(allCutOff).as("the server cut off every trickling body").isTrue();
            assertThat(metrics.scrape()).contains("route=\"POST /trickle\",status=\"400\"");
        } finally {
            trickler.shutdownNow();
            readers.shutdownNow();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static void sendOneByte(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException closedByTheServer) {
            // expected once the server cut the client off
        }
    }

    /** Counts down when the server answers (it refuses the slow body) or closes the connection. */
    private static void awaitAnswerOrClose(Socket socket, CountDownLatch cutOff) {
        try {
            socket.setSoTimeout(120_000);
            InputStream in = socket.getInputStream();
            in.read();
        } catch (IOException e) {
            // reset by the server counts as cut off too
        }
        cutOff.countDown();
    }
}
