package com.golisto.sync.connector.golisto;

import static com.golisto.sync.connector.golisto.GolistoTestProducts.listing;
import static com.golisto.sync.connector.golisto.GolistoTestProducts.simple;
import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.ChangeNotification.Action;
import com.golisto.sync.api.model.ChangeNotification.Kind;
import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.StoreSecrets;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.golisto.GolistoWebhookDelivery;
import com.golisto.sync.sandbox.golisto.GolistoWebhookResult;
import com.golisto.sync.sandbox.golisto.GolistoWebhooks;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signature and replay-window vectors of Golisto's webhooks, and delivery over real HTTP. */
class GolistoWebhookReceiverTest {

    /** Computed independently: {@code printf '%s' "$ts.$body" | openssl dgst -sha256 -hmac "$secret" -binary | base64}. */
    private static final String VECTOR_BODY =
            "{\"event\":\"order.created\",\"connection_id\":\"con_1\",\"order_id\":\"gord_1\"}";
    private static final String VECTOR_TIMESTAMP = "1795860000";
    private static final String VECTOR_SIGNATURE = "91vyehV00oH/RCLzFmZFIBScWJnD2G0LByYkS+XCZKA=";

    private final GolistoTestStore store = new GolistoTestStore();
    private final WebhookReceiver receiver = store.connector.webhookReceiver().orElseThrow();

    @AfterEach
    void close() {
        store.close();
    }

    private static Map<String, String> vectorHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Golisto-Event", "order.created");
        headers.put("X-Golisto-Delivery", "6f1c2d9e-0000-4000-8000-000000000001");
        headers.put("X-Golisto-Timestamp", VECTOR_TIMESTAMP);
        headers.put("X-Golisto-Connection", "con_1");
        headers.put("X-Golisto-Signature", VECTOR_SIGNATURE);
        return headers;
    }

    private static InboundRequest request(Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new InboundRequest("POST", "/webhooks/golisto", "", multi, body.getBytes(StandardCharsets.UTF_8));
    }

    private static InboundRequest request(GolistoWebhookDelivery delivery) {
        return request(delivery.headers(), delivery.body());
    }

    @Test
    void independentlyComputedVector_isAccepted_asAnOrderCreation() {
        WebhookVerdict verdict = receiver.verify(request(vectorHeaders(), VECTOR_BODY));

        assertThat(verdict).isEqualTo(new WebhookVerdict.Accepted("golisto:6f1c2d9e-0000-4000-8000-000000000001",
                List.of(new ChangeNotification(Kind.ORDER, "gord_1", Action.CREATED))));
    }

    @Test
    void tamperedBody_isRejected() {
        WebhookVerdict verdict = receiver.verify(request(vectorHeaders(), VECTOR_BODY.replace("gord_1", "gord_2")));

        assertThat(verdict).isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(((WebhookVerdict.Rejected) verdict).reason()).contains("Signature does not match")
                .doesNotContain(VECTOR_SIGNATURE, GolistoTestStore.WEBHOOK_SECRET);
    }

    @Test
    void bodyWithExtraWhitespace_isRejected_becauseTheRawBytesAreSigned() {
        assertThat(receiver.verify(request(vectorHeaders(), VECTOR_BODY + "\n")))
                .isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void wrongSecret_isRejected() {
        store.context.secrets.put(StoreSecrets.WEBHOOK_SECRET, "whsec_another_0123456789abcdef01234567");

        assertThat(receiver.verify(request(vectorHeaders(), VECTOR_BODY))).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void noSecretHeld_isRejected() {
        store.context.secrets.clear();

        assertThat(receiver.verify(request(vectorHeaders(), VECTOR_BODY))).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void signatureThatIsNotBase64_isRejected() {
        Map<String, String> headers = vectorHeaders();
        headers.put("X-Golisto-Signature", "not base64 !!");

        assertThat(receiver.verify(request(headers, VECTOR_BODY))).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Golisto-Event", "X-Golisto-Delivery", "X-Golisto-Timestamp", "X-Golisto-Connection",
            "X-Golisto-Signature"})
    void missingHeader_isRejected_namingIt(String header) {
        Map<String, String> headers = vectorHeaders();
        headers.remove(header);

        assertThat(receiver.verify(request(headers, VECTOR_BODY)))
                .isEqualTo(new WebhookVerdict.Rejected("missing header " + header));
    }

    @Test
    void timestamp301SecondsOld_isRejected_300IsAccepted() {
        store.clock.advance(Duration.ofSeconds(300));
        WebhookVerdict atTheEdge = receiver.verify(request(vectorHeaders(), VECTOR_BODY));
        store.clock.advance(Duration.ofSeconds(1));
        WebhookVerdict tooOld = receiver.verify(request(vectorHeaders(), VECTOR_BODY));

        assertThat(atTheEdge).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(tooOld).isInstanceOf(WebhookVerdict.Rejected.class);
        assertThat(((WebhookVerdict.Rejected) tooOld).reason()).contains("301 s");
    }

    @Test
    void timestamp301SecondsInTheFuture_isRejected() {
        store.clock.advance(Duration.ofSeconds(-301));

        assertThat(receiver.verify(request(vectorHeaders(), VECTOR_BODY))).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void repeatedDeliveryId_yieldsTheSameDeduplicationKey() {
        WebhookVerdict first = receiver.verify(request(vectorHeaders(), VECTOR_BODY));
        WebhookVerdict again = receiver.verify(request(vectorHeaders(), VECTOR_BODY));

        assertThat(again).isEqualTo(first);
        assertThat(((WebhookVerdict.Accepted) again).deliveryKey()).isEqualTo(
                "golisto:6f1c2d9e-0000-4000-8000-000000000001");
    }

    @Test
    void emulatorsConnectionAndOrderEvents_becomeNotifications() throws InterruptedException {
        store.connect();
        store.golisto.approve(store.connectionId);
        store.connector.catalogTarget().orElseThrow().apply(new CatalogBatch(
                List.of(listing(simple("10", "9.00", "EUR"), "fp")), List.of()));
        String order = store.golisto.sales().create(GolistoSale.builder(store.connectionId).line("10", 1).build());
        store.golisto.sales().ship(order, "DHL", "1", "https://t/1");
        store.golisto.disconnectByGolisto(store.connectionId, "bye");

        List<WebhookVerdict> verdicts = store.golisto.webhooks().pending().stream()
                .map(d -> receiver.verify(request(d))).toList();

        assertThat(verdicts).allSatisfy(v -> assertThat(v).isInstanceOf(WebhookVerdict.Accepted.class));
        assertThat(verdicts).flatExtracting(v -> ((WebhookVerdict.Accepted) v).notifications()).containsExactly(
                new ChangeNotification(Kind.CONNECTION, store.connectionId, Action.UPDATED),
                new ChangeNotification(Kind.ORDER, order, Action.CREATED),
                new ChangeNotification(Kind.ORDER, order, Action.UPDATED),
                new ChangeNotification(Kind.CONNECTION, store.connectionId, Action.UPDATED));
    }

    @Test
    void deliveryForAnotherConnection_isRejected() throws InterruptedException {
        store.connect();
        Map<String, String> headers = vectorHeaders();
        headers.put("X-Golisto-Connection", "con_99");
        String body = VECTOR_BODY.replace("con_1", "con_99");
        headers.put("X-Golisto-Signature", GolistoWebhooks.sign(
                GolistoTestStore.WEBHOOK_SECRET, Long.parseLong(VECTOR_TIMESTAMP), body));

        assertThat(receiver.verify(request(headers, body))).isInstanceOf(WebhookVerdict.Rejected.class);
    }

    @Test
    void unknownEvent_signedCorrectly_isIgnored() {
        String body = "{\"event\":\"listing.flagged\",\"connection_id\":\"con_1\"}";
        Map<String, String> headers = vectorHeaders();
        headers.put("X-Golisto-Event", "listing.flagged");
        headers.put("X-Golisto-Signature", GolistoWebhooks.sign(
                GolistoTestStore.WEBHOOK_SECRET, Long.parseLong(VECTOR_TIMESTAMP), body));

        assertThat(receiver.verify(request(headers, body))).isInstanceOf(WebhookVerdict.Ignored.class);
    }

    @Test
    void routing_readsTheConnectionHeader() {
        assertThat(store.provider.webhookRouting().orElseThrow().accountId(request(vectorHeaders(), VECTOR_BODY)))
                .contains("con_1");
        Map<String, String> none = vectorHeaders();
        none.remove("X-Golisto-Connection");
        assertThat(store.provider.webhookRouting().orElseThrow().accountId(request(none, VECTOR_BODY))).isEmpty();
    }

    @Test
    void deliveredOverHttp_validIsAccepted_staleReplayIsRefused() throws InterruptedException {
        try (WebhookEndpoint endpoint = new WebhookEndpoint(receiver)) {
            endpoint.start();
            store.golisto.webhooks().defaultUrl(URI.create(endpoint.baseUri() + "/webhooks/golisto"));
            store.connect();
            store.golisto.approve(store.connectionId);

            // the credentials named http://127.0.0.1:9/...; point this connection's webhooks at the endpoint
            GolistoWebhookDelivery approved = store.golisto.webhooks().pending().get(0);
            GolistoWebhookDelivery routed = new GolistoWebhookDelivery(approved.deliveryId(), approved.event(),
                    approved.connectionId(), null, approved.timestamp(), approved.body(), approved.signature(), null);
            GolistoWebhookResult fresh = store.golisto.webhooks().redeliver(routed);
            store.clock.advance(Duration.ofSeconds(301));
            GolistoWebhookResult replayed = store.golisto.webhooks().redeliver(routed);

            assertThat(fresh.status()).isEqualTo(200);
            assertThat(replayed.status()).isEqualTo(401);
            assertThat(endpoint.requests().count("POST /webhooks/golisto")).isEqualTo(2);
        }
    }

    /** The engine's webhook endpoint in miniature: 200 unless the receiver rejects the delivery. */
    private static final class WebhookEndpoint extends EmulatorServer {
        private final WebhookReceiver receiver;

        WebhookEndpoint(WebhookReceiver receiver) {
            this.receiver = receiver;
        }

        @Override
        protected EmulatorResponse handle(EmulatorRequest request) {
            WebhookVerdict verdict = receiver.verify(new InboundRequest(request.method(), request.path(),
                    request.rawQuery(), request.headers(), request.body()));
            return EmulatorResponse.empty(verdict instanceof WebhookVerdict.Rejected ? 401 : 200);
        }
    }
}
