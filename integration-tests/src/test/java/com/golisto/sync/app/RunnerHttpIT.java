package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.app.http.Exchange;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.golisto.GolistoWebhookDelivery;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint of {@code serve} over real HTTP on loopback: the admin API (auth, bodies, errors), the
 * connect callbacks, both webhooks (verification before parsing, size limit, nothing stored or synced on a
 * bad signature), the dashboard, health and metrics. One approved, synced store ({@value #SHOP}) is shared.
 */
class RunnerHttpIT {
    static final String SHOP = "shop-a";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static TestingSandbox sandbox;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestingSandbox.start(12);
        sandbox.startRunner(dir.resolve("data"));
        token = sandbox.runner.adminToken().token().reveal();
        RunView full = sandbox.connectApproveAndSync(SHOP);
        assertThat(full.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    // ---- admin API: auth ----

    @Test
    void api_withoutOrWithAWrongToken_isRefusedWith401() throws Exception {
        HttpResponse<String> none = send("GET", "/api/stores", null, null);
        HttpResponse<String> wrong = send("GET", "/api/stores", null, "not-the-token");
        HttpResponse<String> basic = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/api/stores"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + token).getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(token);
        assertThat(basic.statusCode()).isEqualTo(401);
    }

    // ---- admin API: stores ----

    @Test
    void createStore_validBody_answers201AndTheStoreIsListed() throws Exception {
        HttpResponse<String> created = api("POST", "/api/stores", """
                {"id":"shop-new","woocommerce":{"url":"%s","consumer_key":"ck_x123","consumer_secret":"cs_y456"}}
                """.formatted(sandbox.woo.homeUrl()));
        HttpResponse<String> again = api("POST", "/api/stores", """
                {"id":"shop-new","woocommerce":{"url":"%s"}}""".formatted(sandbox.woo.homeUrl()));
        HttpResponse<String> list = api("GET", "/api/stores", null);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/stores/shop-new");
        assertThat(json(created).path("id").asText()).isEqualTo("shop-new");
        assertThat(json(created).path("status").asText()).isEqualTo("disconnected");
        assertThat(json(created).path("shop_credentials_present").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("cs_y456");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(list).path("stores").findValuesAsText("id")).contains(SHOP, "shop-new");
    }

    @Test
    void createStore_unknownFieldWrongTypeOrMalformedJson_answers400NamingTheField() throws Exception {
        HttpResponse<String> unknown = api("POST", "/api/stores", "{\"id\":\"s1\",\"woocommerce\":{\"url\":\"https://x.example\",\"colour\":1}}");
        HttpResponse<String> wrongType = api("POST", "/api/stores", "{\"id\":\"s1\",\"woocommerce\":{\"url\":42}}");
        HttpResponse<String> missing = api("POST", "/api/stores", "{\"id\":\"s1\"}");
        HttpResponse<String> malformed = api("POST", "/api/stores", "{\"id\":");
        HttpResponse<String> badUrl = api("POST", "/api/stores", "{\"id\":\"s1\",\"woocommerce\":{\"url\":\"not a url\"}}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("unknown_field");
        assertThat(json(unknown).at("/error/message").asText()).contains("woocommerce.colour");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).at("/error/message").asText()).contains("woocommerce.url").contains("string");
        assertThat(json(missing).at("/error/message").asText())
                .isEqualTo("field shop is required: {\"connector\", \"settings\"} (or the shorthand woocommerce)");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).at("/error/code").asText()).isEqualTo("invalid_json");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(json(badUrl).at("/error/code").asText()).isEqualTo("invalid_settings");
        assertThat(json(badUrl).at("/error/message").asText()).contains("woocommerce.url");
        assertThat(sandbox.engine().store("s1")).isEmpty();
    }

    @Test
    void createStore_bodyOverOneMebibyte_answers413() throws Exception {
        byte[] big = new byte[Exchange.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        int status;
        try {
            status = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/api/stores"))
                    .header("Authorization", "Bearer " + token).expectContinue(true)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (java.io.IOException reset) {
            status = -1;
        }

        assertThat(status).isEqualTo(413);
    }

    @Test
    void showStore_answersStatusLastRunsCountsDeadLettersAndOrderPolls() throws Exception {
        HttpResponse<String> shown = api("GET", "/api/stores/" + SHOP, null);
        HttpResponse<String> unknown = api("GET", "/api/stores/nope", null);

        JsonNode s = json(shown);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(s.path("status").asText()).isEqualTo("approved");
        assertThat(s.path("account_id").asText()).startsWith("con_");
        assertThat(s.path("counts").path("read").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(s.path("last_runs").findValuesAsText("kind")).contains("full");
        assertThat(s.path("dead_letters").isArray()).isTrue();
        assertThat(s.path("order_polls").path("empty").isIntegralNumber()).as(shown.body()).isTrue();
        assertThat(s.path("order_polls").has("last_polled_at")).isTrue();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void connect_storeWithKeys_answersTheGolistoLink_withoutKeys_theShopsAuthorizationPage() throws Exception {
        sandbox.engine().registerStore(com.golisto.sync.app.config.Registrations.of("shop-nokeys",
                Map.of("url", sandbox.woo.homeUrl()), sandbox.runner.config().golisto()));
        sandbox.engine().registerStore(com.golisto.sync.app.config.Registrations.of("shop-keys",
                sandbox.wooSettings(), sandbox.runner.config().golisto()));

        HttpResponse<String> withKeys = api("POST", "/api/stores/shop-keys/connect", null);
        HttpResponse<String> withoutKeys = api("POST", "/api/stores/shop-nokeys/connect", null);

        assertThat(withKeys.statusCode()).as(withKeys.body()).isEqualTo(200);
        assertThat(json(withKeys).path("step").asText()).isEqualTo("link_golisto");
        assertThat(json(withKeys).path("connect_url").asText()).startsWith(sandbox.golisto.webBaseUri() + "/woocommerce/connect?")
                .contains("return_url=" + java.net.URLEncoder.encode(sandbox.runner.publicUrl() + "/connect/return",
                        StandardCharsets.UTF_8));
        assertThat(withoutKeys.statusCode()).as(withoutKeys.body()).isEqualTo(200);
        assertThat(json(withoutKeys).path("step").asText()).isEqualTo("authorize_shop_keys");
        assertThat(json(withoutKeys).path("connect_url").asText()).startsWith(sandbox.woo.homeUrl() + "/wc-auth/v1/authorize");
    }

    @Test
    void sync_approvedStore_answers202WithARunThatFinishes() throws Exception {
        HttpResponse<String> started = api("POST", "/api/stores/" + SHOP + "/sync", "{\"mode\":\"full\"}");
        long runId = json(started).path("run_id").asLong();
        sandbox.engine().awaitRun(new com.golisto.sync.core.RunId(runId), Duration.ofSeconds(60));
        HttpResponse<String> run = api("GET", "/api/runs/" + runId, null);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(json(run).path("id").asLong()).isEqualTo(runId);
        assertThat(json(run).path("store_id").asText()).isEqualTo(SHOP);
        assertThat(json(run).path("kind").asText()).isEqualTo("full");
        assertThat(json(run).path("status").asText()).isEqualTo("succeeded");
        assertThat(json(run).path("finished_at").asText()).isNotEmpty();
        assertThat(json(run).path("counts").path("created").asLong()).isZero();
        assertThat(json(run).path("counts").path("unchanged").asLong()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void sync_badModeUnknownRunOrUnapprovedStore_answersItsError() throws Exception {
        sandbox.engine().registerStore(com.golisto.sync.app.config.Registrations.of("shop-idle",
                sandbox.wooSettings(), sandbox.runner.config().golisto()));

        HttpResponse<String> badMode = api("POST", "/api/stores/" + SHOP + "/sync", "{\"mode\":\"sometimes\"}");
        HttpResponse<String> numberMode = api("POST", "/api/stores/" + SHOP + "/sync", "{\"mode\":1}");
        HttpResponse<String> unapproved = api("POST", "/api/stores/shop-idle/sync", "{\"mode\":\"incremental\"}");
        HttpResponse<String> noRun = api("GET", "/api/runs/987654", null);

        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(json(badMode).at("/error/message").asText()).isEqualTo("field mode must be full or incremental");
        assertThat(json(numberMode).at("/error/message").asText()).isEqualTo("field mode must be a string");
        assertThat(unapproved.statusCode()).isEqualTo(409);
        assertThat(json(unapproved).at("/error/code").asText()).isEqualTo("not_approved");
        assertThat(noRun.statusCode()).isEqualTo(404);
    }

    @Test
    void disconnect_linkedStore_endsTheConnection() throws Exception {
        sandbox.registerAndLink("shop-leaving");

        HttpResponse<String> r = api("POST", "/api/stores/shop-leaving/disconnect", null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("status").asText()).isEqualTo("disconnected");
        assertThat(sandbox.golisto.connection(sandbox.account("shop-leaving")).status().name()).isEqualTo("DISCONNECTED");
    }

    @Test
    void deadLetters_aSaleOfAProductTheShopLost_isListedAndReplayable() throws Exception {
        String account = sandbox.account(SHOP);
        GolistoListing gone = sandbox.golisto.listings(account).stream()
                .filter(l -> l.variantIds().isEmpty() && l.status().equals("active"))
                .max(java.util.Comparator.comparing(GolistoListing::externalId)).orElseThrow();
        sandbox.woo.merchant().deletePermanently(Long.parseLong(gone.externalId()));
        sandbox.golisto.sales().create(GolistoSale.builder(account).line(gone.externalId(), 1).build());
        sandbox.engine().pollOrders(SHOP);

        HttpResponse<String> list = api("GET", "/api/dead-letters", null);
        JsonNode letter = json(list).path("dead_letters").get(0);
        HttpResponse<String> replay = api("POST", "/api/dead-letters/" + letter.path("id").asLong() + "/replay", null);
        HttpResponse<String> unknown = api("POST", "/api/dead-letters/424242/replay", null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(letter.path("store_id").asText()).isEqualTo(SHOP);
        assertThat(letter.path("kind").asText()).isEqualTo("ORDER");
        assertThat(letter.path("item_id").asText()).isNotEmpty();
        assertThat(letter.path("reason").asText()).contains("refused order");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(json(replay).path("kind").asText()).isEqualTo("replay");
        assertThat(json(replay).path("counts").path("failed").asLong()).isEqualTo(1);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    // ---- webhooks ----

    @Test
    void shopWebhook_genuineDelivery_isAcceptedAndTheChangeReachesGolisto() throws Exception {
        String account = sandbox.account(SHOP);
        GolistoListing target = simpleListing(account);
        BigDecimal price = target.price().add(BigDecimal.ONE);

        sandbox.woo.merchant().setRegularPrice(Long.parseLong(target.externalId()), price.toPlainString());
        var deliveries = sandbox.woo.deliverWebhooksNow();
        sandbox.clock.advance(Duration.ofSeconds(2));
        sandbox.engine().runDueWork();

        assertThat(deliveries).isNotEmpty().allSatisfy(d -> assertThat(d.status()).isEqualTo(200));
        assertThat(sandbox.golisto.listing(account, target.externalId()).orElseThrow().price()).isEqualByComparingTo(price);
    }

    @Test
    void shopWebhook_badSignature_answers401AndNothingIsStoredOrSynced() throws Exception {
        String account = sandbox.account(SHOP);
        GolistoListing target = simpleListing(account);
        sandbox.woo.merchant().setRegularPrice(Long.parseLong(target.externalId()), "1.00");
        sandbox.woo.requests().reset();
        long catalogRunsBefore = catalogRuns();
        String body = "{\"id\":" + target.externalId() + ",\"name\":\"forged\",\"regular_price\":\"1.00\"}";

        HttpResponse<String> forged = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/webhooks/woocommerce/" + SHOP))
                .header("Content-Type", "application/json")
                .header("X-WC-Webhook-Topic", "product.updated")
                .header("X-WC-Webhook-ID", "1")
                .header("X-WC-Webhook-Delivery-ID", "forged-1")
                .header("X-WC-Webhook-Signature", Base64.getEncoder().encodeToString(new byte[32]))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        sandbox.clock.advance(Duration.ofSeconds(5));
        sandbox.engine().runDueWork();

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).at("/error/code").asText()).isEqualTo("invalid_signature");
        assertThat(catalogRuns()).isEqualTo(catalogRunsBefore);
        assertThat(sandbox.woo.requests().total()).as("requests to the shop").isZero();
        assertThat(sandbox.golisto.listing(account, target.externalId()).orElseThrow().price())
                .isEqualByComparingTo(target.price());
        assertThat(metrics()).contains("golisto_sync_webhook_verifications_total{result=\"rejected\",source=\"woocommerce\"}");
        // the change itself (whose genuine webhook was never delivered) still arrives by the incremental pass
        sandbox.woo.deliverWebhooksNow();
    }

    @Test
    void shopWebhook_unknownStoreOrOversizedBody_isRefused() throws Exception {
        HttpResponse<String> unknown = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/webhooks/woocommerce/nope"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        byte[] big = new byte[Exchange.MAX_BODY_BYTES + 1];
        int oversized;
        try {
            oversized = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/webhooks/woocommerce/" + SHOP))
                    .expectContinue(true).header("X-WC-Webhook-Signature", "x")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (java.io.IOException reset) {
            oversized = -1;
        }

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(oversized).isEqualTo(413);
        assertThat(metrics()).contains("golisto_sync_webhook_verifications_total{result=\"too_large\",source=\"woocommerce\"}");
    }

    @Test
    void golistoWebhook_tamperedBodyIsRefused_thenTheGenuineDeliveryIsStillAccepted() throws Exception {
        String account = sandbox.account(SHOP);
        sandbox.golisto.webhooks().deliverImmediately(false);
        GolistoWebhookDelivery genuine;
        try {
            sandbox.golisto.sales().create(GolistoSale.builder(account).line(simpleListing(account).externalId(), 1)
                    .build());
            genuine = sandbox.golisto.webhooks().pending().get(0);
            sandbox.golisto.webhooks().discardPending();
        } finally {
            sandbox.golisto.webhooks().deliverImmediately(true);
        }
        byte[] tampered = new String(genuine.bodyBytes(), StandardCharsets.UTF_8).replace("\"order", "\"xorder")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> forged = postWithHeaders("/webhooks/golisto", genuine.headers(), tampered);
        HttpResponse<String> real = postWithHeaders("/webhooks/golisto", genuine.headers(), genuine.bodyBytes());
        HttpResponse<String> repeated = postWithHeaders("/webhooks/golisto", genuine.headers(), genuine.bodyBytes());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(json(real).path("result").asText()).isEqualTo("accepted");
        assertThat(json(repeated).path("result").asText()).isEqualTo("ignored");
        sandbox.engine().runDueWork();
    }

    // ---- connect callbacks ----

    @Test
    void connectReturn_unknownStateOrRefusal_saysWhatHappened() throws Exception {
        HttpResponse<String> unknown = get("/connect/return?state=nope&code=gco_x");
        HttpResponse<String> refused = get("/connect/return?state=nope&error=access_denied");
        HttpResponse<String> empty = get("/connect/return");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Store not linked").contains("unknown, used or expired");
        assertThat(refused.body()).contains("the merchant declined");
        assertThat(empty.body()).contains("state is missing");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void wcAuthCallback_unknownState_answers400_andNothingChanges() throws Exception {
        HttpResponse<String> r = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/wc-auth/callback/not-a-state"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key_id\":1,\"user_id\":\"x\",\"consumer_key\":\"ck_a\","
                        + "\"consumer_secret\":\"cs_b\",\"key_permissions\":\"read_write\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("grant_refused");
        assertThat(r.body()).doesNotContain("cs_b");
    }

    @Test
    void wcAuthCallback_grantedKeys_areStoredForTheStore() throws Exception {
        sandbox.engine().registerStore(com.golisto.sync.app.config.Registrations.of("shop-granted",
                Map.of("url", sandbox.woo.homeUrl(), "strict-delivery-urls", "false"), sandbox.runner.config().golisto()));
        URI authorize = URI.create(json(api("POST", "/api/stores/shop-granted/connect", null)).path("connect_url").asText());
        sandbox.http.send(HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        String userId = sandbox.woo.pendingAuthorizations().stream()
                .filter(a -> a.callbackUrl().startsWith(sandbox.runner.publicUrl() + "/wc-auth/callback/"))
                .reduce((first, second) -> second).orElseThrow().userId();

        var outcome = sandbox.woo.approveAuthorization(userId);

        assertThat(outcome.callbackStatus()).isEqualTo(200);
        assertThat(outcome.redirect().toString()).startsWith(sandbox.runner.publicUrl() + "/wc-auth/return");
        assertThat(sandbox.engine().store("shop-granted").orElseThrow().shopCredentialsPresent()).isTrue();
        assertThat(get("/wc-auth/return?success=1&user_id=" + userId).body()).contains("Keys granted");
    }

    // ---- pages ----

    @Test
    void dashboard_needsTheToken_evenFromLoopback() throws Exception {
        HttpResponse<String> local = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = get("/");
        HttpResponse<String> proxied = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/"))
                .header("X-Forwarded-For", "203.0.113.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> proxiedWithToken = sandbox.http.send(HttpRequest.newBuilder(sandbox.url("/"))
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((":" + token).getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.body()).contains("<td>" + SHOP + "</td>").contains("approved").contains("Last runs")
                .contains("Dead letters").doesNotContain(token);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).contains("/login");
        assertThat(proxied.statusCode()).isEqualTo(303);
        assertThat(proxiedWithToken.statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndMetrics_answerWithoutTheToken() throws Exception {
        HttpResponse<String> health = get("/healthz");
        String metrics = metrics();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("state_store").asText()).isEqualTo("reachable");
        assertThat(metrics).contains("golisto_sync_remote_requests_seconds_count{method=\"GET\",remote=\"shop\",status=\"200\"}")
                .contains("remote=\"golisto\"")
                .contains("golisto_sync_run_duration_seconds_count{kind=\"full\",status=\"succeeded\"}")
                .contains("golisto_sync_items_total{kind=\"full\",outcome=\"created\"}")
                .contains("golisto_sync_webhook_verifications_total")
                .contains("golisto_sync_queue_depth")
                .contains("golisto_sync_http_requests_seconds_count{route=\"GET /healthz\",status=\"200\"}");
    }

    @Test
    void queueDepth_aWebhookInsideItsDebounce_countsUntilItsRunIsDone() throws Exception {
        sandbox.deliverShopWebhooksAndSync(); // whatever earlier tests left in the debounce is synced first
        double before = queueDepth();
        String account = sandbox.account(SHOP);
        GolistoListing target = simpleListing(account);
        sandbox.woo.merchant().setRegularPrice(Long.parseLong(target.externalId()),
                target.price().add(new BigDecimal("2.00")).toPlainString());

        sandbox.woo.deliverWebhooksNow();
        double dirty = queueDepth(); // no run yet: the product waits out its debounce
        sandbox.clock.advance(Duration.ofSeconds(2));
        sandbox.engine().runDueWork();
        double after = queueDepth();

        assertThat(before).isZero();
        assertThat(dirty).isEqualTo(1.0);
        assertThat(after).isZero();
    }

    private static double queueDepth() throws Exception {
        Matcher m = Pattern.compile("(?m)^golisto_sync_queue_depth (\\S+)$").matcher(metrics());
        assertThat(m.find()).as("golisto_sync_queue_depth is exported").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void unknownPathOrMethod_answersJsonErrors() throws Exception {
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/stores", null, token).statusCode()).isEqualTo(405);
    }

    // ---- helpers ----

    private static GolistoListing simpleListing(String account) {
        return sandbox.golisto.listings(account).stream()
                .filter(l -> l.variantIds().isEmpty() && l.status().equals("active") && l.salePrice().isEmpty())
                .min(java.util.Comparator.comparing(GolistoListing::externalId)).orElseThrow();
    }

    /** Runs that read products from the shop (webhook, incremental, full). */
    private static long catalogRuns() {
        return sandbox.engine().recentRuns(SHOP, 1000).stream()
                .filter(r -> r.kind() == RunKind.WEBHOOK || r.kind() == RunKind.INCREMENTAL || r.kind() == RunKind.FULL)
                .count();
    }

    private static String metrics() throws Exception {
        return get("/metrics").body();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return sandbox.http.send(HttpRequest.newBuilder(sandbox.url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return send(method, path, body, token);
    }

    private static HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(sandbox.url(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return sandbox.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postWithHeaders(String path, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(sandbox.url(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!List.of("content-length", "host", "connection").contains(name.toLowerCase(java.util.Locale.ROOT))) {
                b.header(name, value);
            }
        });
        return sandbox.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
