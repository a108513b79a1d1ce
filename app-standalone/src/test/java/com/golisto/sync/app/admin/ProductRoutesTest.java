package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.app.http.RunnerServer;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.UnknownStoreException;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/stores/{id}/products?q=} and {@code GET /api/stores/{id}/products/{productId}} over real HTTP on
 * loopback, on an engine that finds and explains.
 */
class ProductRoutesTest {
    private static final String TOKEN = "product-test-admin-token-0123456789";
    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");
    private static final List<ProductSummary> FOUND = List.of(
            new ProductSummary("101", "SKU-101", "Beanie", "listed", null, AT),
            new ProductSummary("104", "SKU-104", "Belt", "deleted", "no price", AT),
            new ProductSummary("200", null, "Hoodie", "unchanged", null, AT));

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private RunnerServer server;

    @BeforeEach
    void start() {
        SyncEngine engine = (SyncEngine) Proxy.newProxyInstance(SyncEngine.class.getClassLoader(),
                new Class<?>[] {SyncEngine.class}, (proxy, method, args) -> {
                    if (!"s1".equals(args[0])) {
                        throw new UnknownStoreException("no store " + args[0]);
                    }
                    if (method.getName().equals("findProducts") && args.length == 4) {
                        return FOUND.stream().filter(p -> args[2] == null || p.productId().compareTo((String) args[2]) > 0)
                                .limit((Integer) args[3]).toList();
                    }
                    if (!method.getName().equals("explain")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Product cleared = new Product((String) args[1], "SKU-1", "Beanie", "", "", ProductStatus.DRAFT,
                            Money.of("0", "EUR"), null, StockLevel.of(3, StockStatus.IN_STOCK), null, List.of(),
                            List.of(), Map.of(), List.of(), null);
                    return new ProductExplanation("s1", (String) args[1], cleared, false, null,
                            "not listable: no price", "deleted", "no price", "delete", "DELETED", "fp",
                            Instant.parse("2026-12-04T12:00:00Z"), List.of());
                });
        server = new RunnerServer("127.0.0.1", 0, new RunnerMetrics());
        server.start(new ProductRoutes(engine, new AdminAuth(Secret.of(TOKEN)), new ApiJson()).routes());
    }

    @AfterEach
    void close() {
        server.close();
        http.close();
    }

    @Test
    void productWhosePriceWasCleared_isExplainedAsDeletedForNoPrice() throws Exception {
        HttpResponse<String> answer = get("/api/stores/s1/products/101", TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = mapper.readTree(answer.body());
        assertThat(body.path("product_id").asText()).isEqualTo("101");
        assertThat(body.path("decision").asText()).isEqualTo("not listable: no price");
        assertThat(body.path("outcome").asText()).isEqualTo("deleted");
        assertThat(body.path("reason").asText()).isEqualTo("no price");
        assertThat(body.path("listed").asBoolean()).isFalse();
        assertThat(body.path("shop").path("status").asText()).isEqualTo("draft");
        assertThat(body.path("shop").path("price").asText()).isEqualTo("0.00");
    }

    @Test
    void search_answersThePageOfProductsFound_andItsNextCursor() throws Exception {
        JsonNode first = mapper.readTree(get("/api/stores/s1/products?q=be&limit=2", TOKEN).body());
        JsonNode second = mapper.readTree(get("/api/stores/s1/products?q=be&limit=2&cursor="
                + first.path("next_cursor").asText(), TOKEN).body());

        assertThat(first.path("products")).extracting(p -> p.path("product_id").asText()).containsExactly("101", "104");
        assertThat(first.path("products").get(1).path("reason").asText()).isEqualTo("no price");
        assertThat(first.path("products").get(0).path("sku").asText()).isEqualTo("SKU-101");
        assertThat(second.path("products")).extracting(p -> p.path("product_id").asText()).containsExactly("200");
        assertThat(second.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void search_withoutQ_isA400NamingIt_andAnUnknownStoreA404() throws Exception {
        HttpResponse<String> noQ = get("/api/stores/s1/products", TOKEN);

        assertThat(noQ.statusCode()).isEqualTo(400);
        assertThat(noQ.body()).contains("invalid_parameter").contains("parameter q");
        assertThat(get("/api/stores/nope/products?q=x", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/api/stores/s1/products?q=x", null).statusCode()).isEqualTo(401);
    }

    @Test
    void withoutTheAdminToken_isRefused() throws Exception {
        assertThat(get("/api/stores/s1/products/101", null).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownStore_is404() throws Exception {
        assertThat(get("/api/stores/nope/products/101", TOKEN).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.localUri().resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
