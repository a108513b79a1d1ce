package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.admin.AdminAuth;
import com.golisto.sync.app.http.EdgePolicy;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.wiring.RunnerModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edge keys reach what the runner's wiring builds: the server's limits, the edge policy, admin sessions. */
class EdgeConfigWiringTest {
    @TempDir
    Path dir;

    private RunnerServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void configuredEdgeKeys_shapeTheServerThePolicyAndTheSessions() throws Exception {
        Injector injector = injector(Map.of(
                "GOLISTO_SYNC_SERVER_MAX_HEADER_BYTES", "2048",
                "GOLISTO_SYNC_SERVER_MAX_BODY_BYTES", "1024",
                "GOLISTO_SYNC_SERVER_ALLOWED_HOSTS", "proxy.internal",
                "GOLISTO_SYNC_SERVER_DASHBOARD_OPEN", "true",
                "GOLISTO_SYNC_SERVER_SESSION_LIFETIME", "PT5M"));

        EdgePolicy policy = injector.getInstance(EdgePolicy.class);
        assertThat(policy.openDashboard()).isTrue();
        assertThat(policy.accepts("Proxy.Internal:8443")).isTrue();
        assertThat(policy.accepts("other.internal")).isFalse();
        assertThat(injector.getInstance(AdminAuth.class).sessionLifetime()).isEqualTo(Duration.ofMinutes(5));

        server = injector.getInstance(RunnerServer.class);
        server.start(List.of(Route.post("/echo", ex -> ex.text(200, "text/plain", ex.body().length + " bytes"))));

        assertThat(status("GET /nowhere", "proxy.internal", "")).isEqualTo("404");
        assertThat(status("GET /nowhere", "other.internal", "")).isEqualTo("421");
        assertThat(status("GET /nowhere", "proxy.internal", "X-Padding: " + "p".repeat(3000) + "\r\n")).isEqualTo("431");
        assertThat(status("POST /echo", "proxy.internal", body(1024))).isEqualTo("200");
        assertThat(status("POST /echo", "proxy.internal", body(1025))).isEqualTo("413");
    }

    @Test
    void noEdgeKeys_keepTheDashboardClosedAndTheDefaultSessionLifetime() {
        Injector injector = injector(Map.of());

        assertThat(injector.getInstance(EdgePolicy.class).openDashboard()).isFalse();
        assertThat(injector.getInstance(EdgePolicy.class).extraHosts()).isEmpty();
        assertThat(injector.getInstance(AdminAuth.class).sessionLifetime()).isEqualTo(AdminAuth.DEFAULT_SESSION_LIFETIME);
    }

    private Injector injector(Map<String, String> edge) {
        Map<String, String> env = new java.util.HashMap<>(edge);
        env.put("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
        env.put("GOLISTO_SYNC_SERVER_PORT", "0");
        RunnerConfig config = ConfigLoader.create(env).load(Optional.empty());
        return Guice.createInjector(new RunnerModule(config, null, true));
    }

    /** Headers for a body of this many bytes, and the body. */
    private static String body(int bytes) {
        return "Content-Type: text/plain\r\nContent-Length: " + bytes + "\r\n\r\n" + "b".repeat(bytes);
    }

    /** The status code of one raw HTTP/1.1 request; {@code rest} ends the headers (and may add a body). */
    private String status(String requestLine, String host, String rest) throws Exception {
        String end = rest.contains("\r\n\r\n") ? rest : rest + "\r\n";
        String request = requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + end;
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
}
