package com.golisto.sync.connector.golisto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.ShopOrderRef;
import com.golisto.sync.api.spi.ConnectionLifecycle;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** How every kind of failure of Golisto's API reaches the engine, over real loopback HTTP. */
class GolistoApiClientTest {

    private static final String STATUS = "/api/woocommerce/status";

    private final GolistoTestStore store = new GolistoTestStore(Map.of("request-timeout", "PT0.3S"));
    private final ConnectionLifecycle lifecycle = store.connector.connectionLifecycle().orElseThrow();
    private final OrderSource orders = store.connector.orderSource().orElseThrow();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger connectorLog = (Logger) LoggerFactory.getLogger("com.golisto.sync.connector.golisto");

    @BeforeEach
    void connect() throws InterruptedException {
        connectorLog.setLevel(Level.DEBUG);
        logs.start();
        connectorLog.addAppender(logs);
        store.connectAndApprove();
    }

    @AfterEach
    void close() {
        connectorLog.detachAppender(logs);
        // nothing the connector logged, whatever happened, shows the token or the secrets
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneSatisfy(line ->
                assertThat(line).containsAnyOf(store.apiToken, GolistoTestStore.WEBHOOK_SECRET,
                        GolistoTestStore.CONSUMER_SECRET));
        store.close();
    }

    private void inject(String method, String path, Fault fault) {
        store.golisto.faults().inject(method, path, fault, 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void serverErrors_areRetryable_withGolistosMessage(int status) {
        inject("GET", STATUS, Fault.status(status, null, GolistoEmulator.errorBody("unavailable", "maintenance")));

        RetryableException e = catchThrowableOfType(RetryableException.class, lifecycle::status);

        assertThat(e.getMessage()).contains(String.valueOf(status)).contains("unavailable").contains("maintenance");
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void serviceUnavailable_withRetryAfter_carriesTheDelay() {
        inject("GET", STATUS, Fault.status(503, Duration.ofSeconds(30), ""));

        assertThat(catchThrowableOfType(RetryableException.class, lifecycle::status).retryAfter())
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void tooManyRequests_isRetryableWithRetryAfter_andTheNextCallWaitsFirst() throws InterruptedException {
        inject("GET", STATUS, Fault.status(429, Duration.ofSeconds(7), GolistoEmulator.errorBody("rate_limited", "slow")));

        RetryableException e = catchThrowableOfType(RetryableException.class, lifecycle::status);
        ConnectionStatus after = lifecycle.status().status();

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(store.context.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(after).isEqualTo(ConnectionStatus.APPROVED);
    }

    @Test
    void golistosRateLimit_isHonoured_remainingZeroPauses_429WaitsRetryAfter() throws InterruptedException {
        store.golisto.rateLimit(3, Duration.ofMinutes(1));

        lifecycle.status();
        lifecycle.status();
        lifecycle.status(); // X-RateLimit-Remaining: 0
        RetryableException limited = catchThrowableOfType(RetryableException.class, lifecycle::status);
        ConnectionStatus later = lifecycle.status().status();

        // the 4th call first paused 1 s (remaining 0), then got 429 for the rest of the window
        assertThat(limited.getMessage()).contains("429").contains("rate_limited");
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(59));
        assertThat(store.context.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(59));
        assertThat(later).isEqualTo(ConnectionStatus.APPROVED);
    }

    @Test
    void connectionReset_isRetryable_andCountedWithoutStatus() {
        // twice: the JDK client itself retries an idempotent GET once when the connection drops
        store.golisto.faults().inject("GET", STATUS, Fault.connectionReset(), 2);

        RetryableException e = catchThrowableOfType(RetryableException.class, lifecycle::status);

        assertThat(e.getMessage()).contains("did not answer GET /api/woocommerce/status");
        assertThat(store.context.requests).contains("GET /api/woocommerce/status -1");
    }

    @Test
    void connectionReset_duringABatchPost_isRetryable() {
        inject("POST", "/api/woocommerce/catalog/batch", Fault.connectionReset());

        assertThatThrownBy(() -> store.connector.catalogTarget().orElseThrow()
                .apply(new CatalogBatch(List.of(), List.of("1")))).isInstanceOf(RetryableException.class)
                .hasMessageContaining("POST /api/woocommerce/catalog/batch");
    }

    @Test
    void truncatedBody_isRetryable() {
        inject("GET", "/api/woocommerce/orders", Fault.truncatedBody());

        assertThatThrownBy(() -> orders.readChanged(Cursor.beginning(), null)).isInstanceOf(RetryableException.class)
                .hasMessageContaining("GET /api/woocommerce/orders");
    }

    @Test
    void slowAnswer_timesOut_asRetryable() {
        inject("GET", STATUS, Fault.latency(Duration.ofMillis(1500)));

        assertThatThrownBy(lifecycle::status).isInstanceOf(RetryableException.class).hasMessageContaining("timed out");
    }

    @Test
    void nonJsonGarbage_withSuccessStatus_isRetryable() {
        inject("GET", STATUS, Fault.status(200, null, "<html>proxy error</html>"));

        assertThatThrownBy(lifecycle::status).isInstanceOf(RetryableException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void jsonOfTheWrongShape_isRetryable() {
        inject("GET", "/api/woocommerce/orders", Fault.status(200, null, "{\"orders\":[{\"id\":\"x\"}]}"));

        assertThatThrownBy(() -> orders.readChanged(Cursor.beginning(), null)).isInstanceOf(RetryableException.class)
                .hasMessageContaining("does not fit the contract");
    }

    @Test
    void unauthorized_isCredentialsRejected() {
        inject("GET", STATUS, Fault.status(401, null, GolistoEmulator.errorBody("unauthorized", "the token was revoked")));

        assertThatThrownBy(lifecycle::status).isInstanceOf(CredentialsRejectedException.class)
                .hasMessageContaining("reconnected");
    }

    @Test
    void forbidden_isNotApproved() {
        inject("GET", "/api/woocommerce/orders", Fault.status(403, null,
                GolistoEmulator.errorBody("not_approved", "under review")));

        assertThatThrownBy(() -> orders.readChanged(Cursor.beginning(), null)).isInstanceOf(NotApprovedException.class)
                .hasMessageContaining("under review");
    }

    @Test
    void notFound_onAWrite_isNotFound() {
        inject("POST", "/api/woocommerce/orders/.*/ack", Fault.status(404, null,
                GolistoEmulator.errorBody("not_found", "no order gord_9")));

        assertThatThrownBy(() -> orders.acknowledge("gord_9", new ShopOrderRef("1", null), 1))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void unprocessable_isAnInvalidItem_withTheServersCodeAndMessage() {
        inject("POST", "/api/woocommerce/catalog/batch", Fault.status(422, null,
                GolistoEmulator.errorBody("validation_failed", "upsert must be an array")));

        InvalidItemException e = catchThrowableOfType(InvalidItemException.class, () -> store.connector.catalogTarget()
                .orElseThrow().apply(new CatalogBatch(List.of(), List.of("1"))));

        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.getMessage()).contains("upsert must be an array");
    }

    @Test
    void everyRequest_isReportedToMetrics_withItsEndpointAndStatus() throws InterruptedException {
        store.context.requests.clear();
        lifecycle.status();
        orders.read("gord_404");

        assertThat(store.context.requests).containsExactly("GET /api/woocommerce/status 200",
                "GET /api/woocommerce/orders/{id} 404");
    }

    @Test
    void noMessage_evenOfAnError_containsTheToken() {
        inject("GET", STATUS, Fault.status(500, null, "{}"));

        SyncException e = catchThrowableOfType(SyncException.class, lifecycle::status);

        assertThat(e.getMessage()).doesNotContain(store.apiToken);
        assertThat(store.connector.toString()).doesNotContain(store.apiToken);
    }
}
