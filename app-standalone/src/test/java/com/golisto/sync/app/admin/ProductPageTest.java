package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.PollCounts;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.UnknownStoreException;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's product pages over real HTTP on loopback, on an engine that explains product 101 of shop-a. */
class ProductPageTest {
    private static final String TOKEN = "product-page-test-admin-token-0123456789";
    private static final Instant T = Instant.parse("2026-12-04T12:00:00Z");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private RunnerServer server;

    @BeforeEach
    void start() {
        SyncEngine engine = (SyncEngine) Proxy.newProxyInstance(SyncEngine.class.getClassLoader(),
                new Class<?>[] {SyncEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "store" -> "shop-a".equals(args[0]) ? Optional.of(new StoreView("shop-a", "woocommerce",
                            "golisto", ConnectionStatus.APPROVED, "acc", null, true, T, null, PollCounts.none()))
                            : Optional.empty();
                    case "explain" -> explain((String) args[0], (String) args[1]);
                    case "findProducts" -> "101".equals(args[1]) || "hat".equalsIgnoreCase((String) args[1])
                            ? List.of(new ProductSummary("101", "HAT-1", "Beanie hat", "listed", null, T)) : List.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        server = new RunnerServer("127.0.0.1", 0, new RunnerMetrics());
        server.start(new ProductPage(engine, new AdminAuth(Secret.of(TOKEN)), false).routes());
    }

    private static ProductExplanation explain(String storeId, String productId) {
        if (!"shop-a".equals(storeId)) {
            throw new UnknownStoreException("no store " + storeId);
        }
        return switch (productId) {
            case "101" -> ProductHtmlTest.explained(ProductHtmlTest.product("101", "HAT-1", "Beanie", "12.50"), true,
                    "listed", null);
            case "500" -> throw new RetryableException("the shop answered 503 Service Unavailable", null);
            default -> new ProductExplanation("shop-a", productId, null, false, null, "not listable: removed in shop",
                    null, null, null, null, null, null, List.of());
        };
    }

    @AfterEach
    void close() {
        server.close();
        http.close();
    }

    @Test
    void aKnownProduct_isExplained() throws Exception {
        HttpResponse<String> page = get("/stores/shop-a/products/101", TOKEN);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("class=\"outcome ok\">listed<").contains("class=\"shop-sku\">HAT-1<");
    }

    @Test
    void anUnknownProduct_getsANotFoundPage_notAnError() throws Exception {
        HttpResponse<String> page = get("/stores/shop-a/products/999", TOKEN);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("class=\"not-found\"").contains("has no product <b>999</b>");
    }

    @Test
    void anUnknownStore_getsANotFoundPage() throws Exception {
        assertThat(get("/stores/nope/products/101", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/stores/nope/products?q=101", TOKEN).body()).contains("There is no store <b>nope</b>");
    }

    @Test
    void aShopThatCannotBeRead_showsItsError() throws Exception {
        HttpResponse<String> page = get("/stores/shop-a/products/500", TOKEN);

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("class=\"bad shop-error\"").contains("the shop answered 503");
    }

    @Test
    void searchingAnExactId_goesToItsPage_andNothingFoundSaysSo() throws Exception {
        HttpResponse<String> exact = get("/stores/shop-a/products?q=101", TOKEN);
        HttpResponse<String> none = get("/stores/shop-a/products?q=999", TOKEN);

        assertThat(exact.statusCode()).isEqualTo(303);
        assertThat(exact.headers().firstValue("Location")).hasValue("/stores/shop-a/products/101");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("class=\"no-results\"");
    }

    @Test
    void searchingAWordOfTheTitle_listsTheProductsFound() throws Exception {
        HttpResponse<String> page = get("/stores/shop-a/products?q=HAT", TOKEN);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("1 product for <b>HAT</b>").contains("href=\"/stores/shop-a/products/101\"")
                .contains("<td>Beanie hat</td>");
    }

    @Test
    void withoutSignIn_theBrowserIsSentToLogin() throws Exception {
        HttpResponse<String> page = get("/stores/shop-a/products/101", null);

        assertThat(page.statusCode()).isBetween(302, 303);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.localUri().resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
