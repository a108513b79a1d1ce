package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.DryRunReport;
import com.golisto.sync.core.PollCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's dry-run button and report page, and the disconnect button's confirmation page, over real HTTP
 * on loopback, on an engine that records what it is asked.
 */
class DashboardDryRunTest {
    private static final String TOKEN = "dashboard-dry-run-test-admin-token-0123456789";
    private static final Instant T = Instant.parse("2026-12-04T12:00:00Z");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> calls = new ArrayList<>();
    private final AtomicReference<DryRunReport> report = new AtomicReference<>();
    private RunnerServer server;

    @BeforeEach
    void start() {
        SyncEngine engine = (SyncEngine) Proxy.newProxyInstance(SyncEngine.class.getClassLoader(),
                new Class<?>[] {SyncEngine.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "store" -> "shop-a".equals(args[0]) ? Optional.of(new StoreView("shop-a", "woocommerce",
                                "golisto", ConnectionStatus.APPROVED, "acc", null, true, T, null, PollCounts.none()))
                                : Optional.empty();
                        case "dryRun" -> new RunId(7);
                        case "dryRunReport" -> Optional.ofNullable(report.get());
                        case "disconnect" -> new StoreView("shop-a", "woocommerce", "golisto",
                                ConnectionStatus.DISCONNECTED, null, null, false, T, null, PollCounts.none());
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        AdminAuth auth = new AdminAuth(Secret.of(TOKEN));
        List<com.golisto.sync.app.http.Route> routes = new ArrayList<>(new DashboardActions(engine, auth).routes());
        routes.addAll(new ProductPage(engine, auth, false).routes());
        server = new RunnerServer("127.0.0.1", 0, new RunnerMetrics());
        server.start(routes);
    }

    @AfterEach
    void close() {
        server.close();
        http.close();
    }

    @Test
    void theDryRunButton_startsADryRun_notASync_andSendsBackToTheDashboardNamingTheRun() throws Exception {
        HttpResponse<String> answer = post("/dashboard/stores/shop-a/sync", "mode=dry-run");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/?done=dry-run&run=7");
        assertThat(calls).contains("dryRun").doesNotContain("sync");
    }

    @Test
    void theReportPage_showsCountsReasonsAndSamples_escaped() throws Exception {
        report.set(new DryRunReport("shop-a", new RunId(7), T, new DryRunReport.Counts(10, 1, 1, 0, 1, 5, 2),
                Map.of("no price", 2L), Map.of("draft", 1L), 20,
                List.of(new DryRunReport.Item("105", "SKU-105", "<script>alert(1)</script>", List.of(), null)),
                List.of(new DryRunReport.Item("101", "SKU-101", "Beanie", List.of("price", "stock"), null)),
                List.of(), List.of(new DryRunReport.Item("200", null, null, List.of(), "draft")),
                List.of(new DryRunReport.Item("106", null, null, List.of(), "no price"))));

        HttpResponse<String> page = get("/stores/shop-a/dry-run");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"would-create\">1<").contains("id=\"skipped\">2<")
                .contains("<li>no price: 2</li>").contains("<li>draft: 1</li>")
                .contains("<td>price, stock</td>").contains("href=\"/stores/shop-a/products/106\"")
                .contains("&lt;script&gt;").doesNotContain("<script>alert");
    }

    @Test
    void theReportPage_beforeAnyDryRun_saysSo_andAnUnknownStoreIs404() throws Exception {
        assertThat(get("/stores/shop-a/dry-run").body()).contains("No dry run yet");
        assertThat(get("/stores/nope/dry-run").statusCode()).isEqualTo(404);
    }

    @Test
    void disconnect_asksOnAPageOfItsOwnFirst_andOnlyTheConfirmedPostDisconnects() throws Exception {
        HttpResponse<String> asked = post("/dashboard/stores/shop-a/disconnect", "");

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Disconnect shop-a?").contains("name=\"confirm\" value=\"yes\"")
                .doesNotContain("onsubmit");
        assertThat(calls).doesNotContain("disconnect");

        HttpResponse<String> confirmed = post("/dashboard/stores/shop-a/disconnect", "confirm=yes");

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(calls).containsOnlyOnce("disconnect");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.localUri().resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(server.localUri().resolve(path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
