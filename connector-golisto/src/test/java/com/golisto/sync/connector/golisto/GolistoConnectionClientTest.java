package com.golisto.sync.connector.golisto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.golisto.sync.api.model.ConnectionState;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.ConnectRequest;
import com.golisto.sync.api.spi.ConnectionGrant;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.sandbox.golisto.GolistoConnectionInfo;
import com.golisto.sync.sandbox.golisto.GolistoConnectionStatus;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GolistoConnectionClientTest {

    private final GolistoTestStore store = new GolistoTestStore();
    private final ConnectionLifecycle lifecycle = store.connector.connectionLifecycle().orElseThrow();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void connectUrl_pointsAtTheWebHostConnectPage_withEveryParameter() {
        URI url = lifecycle.connectUrl(new ConnectRequest(URI.create("https://shop.example.com/"),
                GolistoTestStore.EUR, URI.create("https://engine.example.com/golisto/return?store=1"), "st&ate"));

        assertThat(url.toString()).startsWith(store.golisto.webBaseUri() + "/woocommerce/connect?");
        assertThat(GolistoTestStore.query(url)).containsExactly(
                Map.entry("store_url", "https://shop.example.com/"), Map.entry("currency", "EUR"),
                Map.entry("return_url", "https://engine.example.com/golisto/return?store=1"),
                Map.entry("state", "st&ate"));
    }

    @Test
    void connectPage_redirectsWithTheStateAndACode() {
        Map<String, String> back = store.visitConnectPage("state-42");

        assertThat(back).containsEntry("state", "state-42").containsKey("code");
    }

    @Test
    void complete_handsOverKeysAndSecret_andReturnsTheTokenAsSettings() throws InterruptedException {
        ConnectionGrant grant = store.connect();

        assertThat(grant.settings()).containsOnlyKeys("connection-id", "api-token");
        assertThat(grant.settings().get("api-token")).startsWith("gol_");
        assertThat(grant.state().accountId()).isEqualTo(grant.settings().get("connection-id"));
        assertThat(grant.toString()).doesNotContain(grant.settings().get("api-token"));
        GolistoConnectionInfo held = store.golisto.connection(store.connectionId);
        assertThat(held.status()).isEqualTo(GolistoConnectionStatus.AWAITING_APPROVAL);
        assertThat(held.consumerKey()).contains("ck_test_0123456789");
        assertThat(held.consumerSecretMatches(GolistoTestStore.CONSUMER_SECRET)).isTrue();
        assertThat(held.webhookSecretMatches(GolistoTestStore.WEBHOOK_SECRET)).isTrue();
        assertThat(held.keyPermissions()).contains("read_write");
        assertThat(held.webhookUrl()).contains(URI.create("http://127.0.0.1:9/webhooks/golisto"));
    }

    @Test
    void complete_withAUsedCode_isAnInvalidItemWithGolistosCode() throws InterruptedException {
        String code = store.visitConnectPage("s").get("code");
        lifecycle.complete(store.completion(code));

        InvalidItemException e = catchThrowableOfType(InvalidItemException.class,
                () -> lifecycle.complete(store.completion(code)));

        assertThat(e.code()).isEqualTo("invalid_code");
        assertThat(e.getMessage()).contains("400").contains("already used");
    }

    @Test
    void complete_withAnExpiredCode_isAnInvalidItem() {
        String code = store.visitConnectPage("s").get("code");
        store.clock.advance(Duration.ofMinutes(11));

        InvalidItemException e = catchThrowableOfType(InvalidItemException.class,
                () -> lifecycle.complete(store.completion(code)));

        assertThat(e.code()).isEqualTo("invalid_code");
        assertThat(e.getMessage()).contains("expired");
    }

    @Test
    void connectPage_whenTheMerchantRefuses_comesBackWithAccessDenied() {
        store.golisto.refuseConnect(true);

        assertThat(store.visitConnectPage("s")).containsEntry("error", "access_denied").doesNotContainKey("code");
    }

    @Test
    void status_mapsEveryStatus_withApprovalTimeAndReason() throws InterruptedException {
        store.connect();
        ConnectionState awaiting = lifecycle.status();
        store.clock.advance(Duration.ofMinutes(5));
        store.golisto.approve(store.connectionId);
        ConnectionState approved = lifecycle.status();
        store.golisto.disconnectByGolisto(store.connectionId, "terms violated");
        ConnectionState disconnected = lifecycle.status();

        assertThat(awaiting).isEqualTo(new ConnectionState(ConnectionStatus.AWAITING_APPROVAL, store.connectionId,
                null, null));
        assertThat(approved.status()).isEqualTo(ConnectionStatus.APPROVED);
        assertThat(approved.approvedAt()).isEqualTo(store.clock.instant());
        assertThat(disconnected.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(disconnected.reason()).isEqualTo("terms violated");
    }

    @Test
    void status_afterRejection_isDisconnectedWithTheReason() throws InterruptedException {
        store.connect();
        store.golisto.reject(store.connectionId, "store address could not be verified");

        ConnectionState state = lifecycle.status();

        assertThat(state.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(state.reason()).isEqualTo("store address could not be verified");
    }

    @Test
    void status_withARevokedToken_isCredentialsRejected_withoutTheToken() throws InterruptedException {
        store.connectAndApprove();
        // the token is revoked; a connector reopened later with the stored token is refused
        lifecycle.disconnect();
        ConnectionLifecycle reopened = store.open(Map.of("connection-id", store.connectionId,
                "api-token", store.apiToken)).connectionLifecycle().orElseThrow();

        CredentialsRejectedException e = catchThrowableOfType(CredentialsRejectedException.class, reopened::status);

        assertThat(e.getMessage()).contains("401").contains("revoked").doesNotContain(store.apiToken);
    }

    @Test
    void disconnect_revokesTheToken_andIsIdempotent() throws InterruptedException {
        store.connectAndApprove();

        lifecycle.disconnect();
        lifecycle.disconnect();

        assertThat(store.golisto.connection(store.connectionId).status()).isEqualTo(GolistoConnectionStatus.DISCONNECTED);
        assertThat(store.golisto.connection(store.connectionId).tokenRevoked()).isTrue();
        assertThat(store.golisto.requests().count("POST /api/woocommerce/disconnect")).isEqualTo(1);
        assertThat(catchThrowableOfType(CredentialsRejectedException.class, lifecycle::status).getMessage())
                .contains("not connected");
    }

    @Test
    void openedWithAStoredToken_usesIt() throws InterruptedException {
        store.connectAndApprove();

        ConnectionLifecycle reopened = store.open(Map.of("connection-id", store.connectionId,
                "api-token", store.apiToken)).connectionLifecycle().orElseThrow();

        assertThat(reopened.status().status()).isEqualTo(ConnectionStatus.APPROVED);
    }
}
