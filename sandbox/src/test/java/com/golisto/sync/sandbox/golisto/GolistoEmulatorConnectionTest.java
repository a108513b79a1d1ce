package com.golisto.sync.sandbox.golisto;

import static com.golisto.sync.sandbox.golisto.GolistoTestClient.credentials;
import static com.golisto.sync.sandbox.golisto.GolistoTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.sandbox.http.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GolistoEmulatorConnectionTest {

    private static final String STORE = "https://shop.example.com";
    private static final String CREDENTIALS = "/api/woocommerce/connect/credentials";

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T10:00:00Z"));
    private GolistoEmulator golisto;
    private GolistoTestClient client;

    @BeforeEach
    void start() {
        golisto = GolistoEmulator.builder().clock(clock).build().start();
        client = new GolistoTestClient(golisto);
    }

    @AfterEach
    void stop() {
        client.close();
        golisto.close();
    }

    @Test
    void connectPage_redirectsToReturnUrlWithStateAndCode() {
        HttpResponse<String> response = client.connectPage(STORE, "EUR", "http://127.0.0.1:9/cb?x=1", "s t&1");

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:9/cb?x=1&state=");
        Map<String, String> params = GolistoTestClient.redirectParams(response);
        assertThat(params).containsEntry("state", "s t&1").containsKey("code").doesNotContainKey("error");
        assertThat(golisto.connections()).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(GolistoConnectionStatus.LINKED));
    }

    @Test
    void connectPage_merchantRefuses_redirectsWithAccessDenied() {
        golisto.refuseConnect(true);

        Map<String, String> params = GolistoTestClient.redirectParams(
                client.connectPage(STORE, "EUR", "http://127.0.0.1:9/cb", "abc"));

        assertThat(params).containsEntry("state", "abc").containsEntry("error", "access_denied")
                .doesNotContainKey("code");
        assertThat(golisto.connections()).isEmpty();
    }

    @Test
    void connectPage_missingOrUnknownParameters_areRefused() {
        HttpResponse<String> missing = client.get("/woocommerce/connect?store_url=" + STORE, null);
        HttpResponse<String> badCurrency = client.connectPage(STORE, "EURO", "http://127.0.0.1:9/cb", "s");

        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).at("/error/code").asText()).isEqualTo("validation_failed");
        assertThat(badCurrency.statusCode()).isEqualTo(422);
        assertThat(json(badCurrency).at("/error/message").asText()).contains("EURO");
    }

    @Test
    void credentials_validCode_issuesTokenAndAwaitsApproval() {
        HttpResponse<String> response = client.post(CREDENTIALS, null, credentials(client.code(STORE, "EUR"),
                STORE, "EUR"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("awaiting_approval");
        assertThat(body.get("api_token").asText()).startsWith("gol_").hasSizeGreaterThan(30);
        GolistoConnectionInfo info = golisto.connection(body.get("connection_id").asText());
        assertThat(info.status()).isEqualTo(GolistoConnectionStatus.AWAITING_APPROVAL);
        assertThat(info.consumerKey()).contains("ck_0123456789abcdef");
        assertThat(info.consumerSecretMatches("cs_0123456789abcdef")).isTrue();
        assertThat(info.webhookSecretMatches(GolistoTestClient.SECRET)).isTrue();
        assertThat(info.toString()).doesNotContain("cs_0123456789abcdef", GolistoTestClient.SECRET);
    }

    @Test
    void credentials_codeUsedTwice_isInvalidCode() {
        String code = client.code(STORE, "EUR");
        assertThat(client.post(CREDENTIALS, null, credentials(code, STORE, "EUR")).statusCode()).isEqualTo(200);

        HttpResponse<String> again = client.post(CREDENTIALS, null, credentials(code, STORE, "EUR"));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).at("/error/code").asText()).isEqualTo("invalid_code");
        assertThat(json(again).at("/error/message").asText()).contains("already used");
    }

    @Test
    void credentials_codeOlderThanTenMinutes_isInvalidCode() {
        String code = client.code(STORE, "EUR");
        clock.advance(Duration.ofMinutes(10));

        HttpResponse<String> response = client.post(CREDENTIALS, null, credentials(code, STORE, "EUR"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("invalid_code");
        assertThat(json(response).at("/error/message").asText()).contains("expired");
    }

    @Test
    void credentials_codeJustBeforeExpiry_isAccepted() {
        String code = client.code(STORE, "EUR");
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(client.post(CREDENTIALS, null, credentials(code, STORE, "EUR")).statusCode()).isEqualTo(200);
    }

    @Test
    void credentials_unknownCode_isInvalidCode() {
        HttpResponse<String> response = client.post(CREDENTIALS, null, credentials("nope", STORE, "EUR"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("invalid_code");
    }

    @Test
    void credentials_missingFieldsShortSecretUnknownCurrency_areValidationErrors() {
        String code = client.code(STORE, "EUR");
        ObjectNode missing = credentials(code, STORE, "EUR");
        missing.remove("consumer_secret");
        ObjectNode shortSecret = credentials(code, STORE, "EUR");
        shortSecret.put("webhook_secret", "x".repeat(31));
        ObjectNode currency = credentials(code, STORE, "EUR");
        currency.put("currency", "ABC");
        ObjectNode permissions = credentials(code, STORE, "EUR");
        permissions.put("key_permissions", "admin");

        assertValidationError(missing, "consumer_secret is required");
        assertValidationError(shortSecret, "webhook_secret must be at least 32");
        assertValidationError(currency, "ABC is not a known ISO 4217 code");
        assertValidationError(permissions, "key_permissions");
        // a refused payload does not burn the code
        assertThat(client.post(CREDENTIALS, null, credentials(code, STORE, "EUR")).statusCode()).isEqualTo(200);
    }

    @Test
    void credentials_currencyOtherThanOnConnectPage_isValidationError() {
        assertValidationError(credentials(client.code(STORE, "EUR"), STORE, "USD"), "does not match");
    }

    @Test
    void credentials_notJson_isValidationError() {
        HttpResponse<String> response = client.post(CREDENTIALS, null, "{not json");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).at("/error/message").asText()).contains("not valid JSON");
    }

    private void assertValidationError(ObjectNode body, String message) {
        HttpResponse<String> response = client.post(CREDENTIALS, null, body);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("validation_failed");
        assertThat(json(response).at("/error/message").asText()).contains(message);
    }

    @Test
    void status_followsApproval() {
        JsonNode linked = client.link(STORE + "/", "EUR", null);
        String token = linked.get("api_token").asText();
        String id = linked.get("connection_id").asText();

        JsonNode before = json(client.get("/api/woocommerce/status", token));
        clock.advance(Duration.ofHours(2));
        golisto.approve(id);
        JsonNode after = json(client.get("/api/woocommerce/status", token));

        assertThat(before.get("status").asText()).isEqualTo("awaiting_approval");
        assertThat(before.get("approved_at").isNull()).isTrue();
        assertThat(before.get("store_url").asText()).isEqualTo(STORE);
        assertThat(after.get("status").asText()).isEqualTo("approved");
        assertThat(after.get("approved_at").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(after.get("connection_id").asText()).isEqualTo(id);
    }

    @Test
    void reject_showsDisconnectedWithReason_andGatesTheCatalog() {
        JsonNode linked = client.link(STORE, "EUR", null);
        String token = linked.get("api_token").asText();
        golisto.reject(linked.get("connection_id").asText(), "catalog does not meet the listing rules");

        JsonNode status = json(client.get("/api/woocommerce/status", token));
        HttpResponse<String> batch = client.post("/api/woocommerce/catalog/batch", token, "{\"upsert\":[]}");

        assertThat(status.get("status").asText()).isEqualTo("disconnected");
        assertThat(status.get("reason").asText()).isEqualTo("catalog does not meet the listing rules");
        assertThat(batch.statusCode()).isEqualTo(403);
        assertThat(json(batch).at("/error/code").asText()).isEqualTo("not_approved");
    }

    @Test
    void awaitingApproval_catalogInventoryAndOrders_areNotApproved() {
        String token = client.link(STORE, "EUR", null).get("api_token").asText();

        assertThat(client.post("/api/woocommerce/catalog/batch", token, "{}").statusCode()).isEqualTo(403);
        assertThat(client.post("/api/woocommerce/inventory/batch", token, "{}").statusCode()).isEqualTo(403);
        assertThat(client.get("/api/woocommerce/catalog/1", token).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/woocommerce/orders", token).statusCode()).isEqualTo(403);
        assertThat(client.get("/api/woocommerce/orders/gord_1", token).statusCode()).isEqualTo(403);
        assertThat(client.post("/api/woocommerce/orders/gord_1/ack", token, "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void disconnect_revokesTheToken() {
        GolistoTestClient.Store store = client.approvedStore();

        HttpResponse<String> response = client.post("/api/woocommerce/disconnect", store.token(), "");
        HttpResponse<String> status = client.get("/api/woocommerce/status", store.token());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("disconnected");
        assertThat(status.statusCode()).isEqualTo(401);
        assertThat(json(status).at("/error/message").asText()).contains("revoked");
        assertThat(golisto.connection(store.connectionId()).tokenRevoked()).isTrue();
    }

    @Test
    void disconnect_afterARejection_keepsGolistosReason() {
        JsonNode linked = client.link(STORE, "EUR", null);
        String id = linked.get("connection_id").asText();
        golisto.reject(id, "no return policy");

        client.post("/api/woocommerce/disconnect", linked.get("api_token").asText(), "");

        assertThat(golisto.connection(id).reason()).contains("no return policy");
        assertThat(golisto.connection(id).tokenRevoked()).isTrue();
    }

    @Test
    void disconnectByGolisto_keepsStatusReadable_butStopsEverythingElse() {
        GolistoTestClient.Store store = client.approvedStore();

        golisto.disconnectByGolisto(store.connectionId(), "store closed by support");

        JsonNode status = json(client.get("/api/woocommerce/status", store.token()));
        assertThat(status.get("status").asText()).isEqualTo("disconnected");
        assertThat(status.get("reason").asText()).isEqualTo("store closed by support");
        assertThat(client.get("/api/woocommerce/orders", store.token()).statusCode()).isEqualTo(403);
    }

    @Test
    void unknownOrMissingToken_isUnauthorizedWithErrorBody() {
        HttpResponse<String> unknown = client.get("/api/woocommerce/status", "gol_unknown");
        HttpResponse<String> missing = client.get("/api/woocommerce/orders", null);

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown).at("/error/code").asText()).isEqualTo("unauthorized");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    }

    @Test
    void approve_notAwaitingApproval_isATestMistake() {
        GolistoTestClient.Store store = client.approvedStore();

        assertThatThrownBy(() -> golisto.approve(store.connectionId())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> golisto.approve("con_404")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void autoApprove_approvesOnArrival() {
        golisto.autoApprove(true);

        JsonNode linked = client.link(STORE, "EUR", null);

        assertThat(linked.get("status").asText()).isEqualTo("approved");
        assertThat(golisto.webhooks().pending()).extracting(GolistoWebhookDelivery::event)
                .containsExactly("connection.approved");
    }

    @Test
    void unknownEndpoint_isNotFoundWithErrorBody() {
        HttpResponse<String> response = client.get("/api/woocommerce/nothing", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("not_found");
    }
}
