package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.config.GolistoConfig;
import com.golisto.sync.app.http.EdgePolicy;
import com.golisto.sync.app.http.HttpLimits;
import com.golisto.sync.app.http.Route;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.SyncEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin surface over real loopback HTTP with a real engine: the token (or a session from the login form)
 * for the dashboard and every {@code /api} route, the CSRF token on dashboard actions, and store requests
 * beyond their limits refused before anything is stored.
 */
class AdminEdgeTest {
    private static final String TOKEN = "testing-admin-token-0123456789";

    @TempDir
    Path dir;

    private SyncEngine engine;
    private RunnerServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        List<ConnectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(ConnectorProvider.class).forEach(providers::add);
        engine = SyncEngine.builder().jdbcUrl("jdbc:hsqldb:file:" + dir.resolve("state")).masterKey(MasterKey.generate())
                .connectors(providers).publicUrl(URI.create("http://127.0.0.1:1")).build();
        AdminAuth auth = new AdminAuth(Secret.of(TOKEN));
        GolistoConfig golisto = new GolistoConfig(URI.create("https://api.golisto.example"),
                URI.create("https://golisto.example"), Duration.ofMinutes(5));
        List<Route> routes = new ArrayList<>(new AdminApi(engine, auth, new ApiJson(), golisto).routes());
        routes.addAll(new LoginPage(auth, false).routes());
        routes.addAll(new DashboardPage(engine, auth, false).routes());
        RunnerMetrics metrics = new RunnerMetrics();
        server = new RunnerServer("127.0.0.1", 0, metrics, HttpLimits.defaults(), EdgePolicy.of("127.0.0.1", null))
                .start(routes);
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
        http.close();
    }

    @Test
    void apiAndDashboard_withoutTheToken_areRefused_withTheLoginCookie_areAnswered() throws Exception {
        HttpResponse<String> api = send("GET", "/api/stores", null, null, null);
        HttpResponse<String> page = send("GET", "/", null, null, null);
        HttpResponse<String> wrongLogin = form("/login", "token=not-the-token", null);
        HttpResponse<String> login = form("/login", "token=" + TOKEN, null);
        String cookie = sessionCookie(login);
        HttpResponse<String> apiWithCookie = send("GET", "/api/stores", null, null, cookie);
        HttpResponse<String> pageWithCookie = send("GET", "/", null, null, cookie);

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/login");
        assertThat(wrongLogin.statusCode()).isEqualTo(401);
        assertThat(wrongLogin.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").doesNotContain(TOKEN));
        assertThat(apiWithCookie.statusCode()).isEqualTo(200);
        assertThat(pageWithCookie.statusCode()).isEqualTo(200);
        assertThat(pageWithCookie.body()).contains("name=\"csrf\"").doesNotContain(TOKEN);
    }

    @Test
    void aDashboardActionWithoutTheCsrfToken_isRefusedWith403_withItIsDone() throws Exception {
        assertThat(send("POST", "/api/stores", "{\"id\":\"shop-a\",\"woocommerce\":{\"url\":\"https://shop.example\"}}",
                TOKEN, null).statusCode()).isEqualTo(201);
        String cookie = sessionCookie(form("/login", "token=" + TOKEN, null));
        String csrf = csrfOf(send("GET", "/", null, null, cookie).body());

        HttpResponse<String> forged = form("/dashboard/stores/shop-a/sync", "mode=full", cookie);
        HttpResponse<String> wrongToken = form("/dashboard/stores/shop-a/sync", "csrf=forged", cookie);
        HttpResponse<String> forgedApi = send("POST", "/api/stores/shop-a/disconnect", null, null, cookie);
        HttpResponse<String> genuine = form("/dashboard/stores/shop-a/sync", "csrf=" + csrf, cookie);
        HttpResponse<String> logout = form("/logout", "csrf=" + csrf, cookie);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(forgedApi.statusCode()).isEqualTo(403);
        // genuine: the action ran; the store is not approved yet, which the page says
        assertThat(genuine.statusCode()).isEqualTo(409);
        assertThat(genuine.body()).contains("Not synced");
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void aStoreIdOrUrlBeyondItsLimit_answers400NamingTheField_andNoStoreIsCreated() throws Exception {
        HttpResponse<String> longId = send("POST", "/api/stores", "{\"id\":\"" + "a".repeat(64)
                + "\",\"woocommerce\":{\"url\":\"https://shop.example\"}}", TOKEN, null);
        HttpResponse<String> longUrl = send("POST", "/api/stores", "{\"id\":\"shop-b\",\"woocommerce\":{\"url\":\"https://shop.example/"
                + "x".repeat(100_000) + "\"}}", TOKEN, null);
        HttpResponse<String> longKey = send("POST", "/api/stores", "{\"id\":\"shop-c\",\"woocommerce\":{\"url\":"
                + "\"https://shop.example\",\"consumer_key\":\"ck_" + "k".repeat(600) + "\",\"consumer_secret\":\"cs\"}}",
                TOKEN, null);

        assertThat(longId.statusCode()).isEqualTo(400);
        assertThat(longId.body()).contains("field id ");
        assertThat(longUrl.statusCode()).isEqualTo(400);
        assertThat(longUrl.body()).contains("field woocommerce.url must be at most 2048 characters");
        assertThat(longKey.statusCode()).isEqualTo(400);
        assertThat(longKey.body()).contains("field woocommerce.consumer_key");
        assertThat(engine.stores()).isEmpty();
    }

    private static String sessionCookie(HttpResponse<String> login) {
        String header = login.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("the page carries a CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> form(String path, String body, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.localUri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer, String cookie)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.localUri().resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
