package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookSubscription;
import com.golisto.sync.api.spi.WebhookSubscriptions;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WooCommerceWebhookSubscriptionsTest {

    /** The runner's webhook endpoint: hands each delivery to the connector's receiver, as the host does. */
    static final class Runner extends EmulatorServer {
        final CopyOnWriteArrayList<WebhookVerdict> verdicts = new CopyOnWriteArrayList<>();
        volatile WebhookReceiver receiver;
        volatile int failWith;

        @Override
        protected EmulatorResponse handle(EmulatorRequest request) {
            if (failWith != 0) {
                return EmulatorResponse.empty(failWith);
            }
            WebhookVerdict verdict = receiver.verify(new InboundRequest(request.method(), request.path(),
                    request.rawQuery(), request.headers(), request.body()));
            verdicts.add(verdict);
            return EmulatorResponse.empty(verdict instanceof WebhookVerdict.Rejected ? 401 : 200);
        }
    }

    private WooFixture fx;
    private Runner runner;
    private WebhookSubscriptions subscriptions;
    private URI hookUrl;

    @BeforeEach
    void start() throws Exception {
        fx = WooFixture.withSampleCatalog(Map.of());
        runner = new Runner();
        runner.receiver = fx.connector.webhookReceiver().orElseThrow();
        runner.start();
        hookUrl = runner.baseUri().resolve("/hooks/woocommerce/store-1");
        subscriptions = fx.connector.webhookSubscriptions().orElseThrow();
    }

    @AfterEach
    void stop() {
        runner.close();
        fx.close();
    }

    @Test
    void ensure_registersTheFourProductTopics_pingIsAnswered_andIsIdempotent() throws Exception {
        List<WebhookSubscription> subs = subscriptions.ensure(hookUrl);
        assertThat(subs).extracting(WebhookSubscription::topic)
                .containsExactly("product.created", "product.updated", "product.deleted", "product.restored");
        assertThat(subs).allSatisfy(s -> assertThat(s.health()).isEqualTo(WebhookSubscription.Health.ACTIVE));
        assertThat(runner.verdicts).hasSize(4).allSatisfy(v -> assertThat(v).isInstanceOf(WebhookVerdict.Ping.class));
        subscriptions.ensure(hookUrl);
        assertThat(fx.emulator.webhookIds()).hasSize(4);
        assertThat(fx.context.count("POST /webhooks")).isEqualTo(4);
    }

    @Test
    void realSignedDeliveries_areVerified_variationsAsParents() throws Exception {
        subscriptions.ensure(hookUrl);
        fx.emulator.merchant().setRegularPrice(47, "19");
        fx.emulator.merchant().setSalePrice(79, "39");
        fx.emulator.merchant().trash(58);
        fx.emulator.deliverWebhooksNow();
        List<ChangeNotification> notes = runner.verdicts.stream().filter(v -> v instanceof WebhookVerdict.Accepted)
                .flatMap(v -> ((WebhookVerdict.Accepted) v).notifications().stream()).toList();
        assertThat(notes).containsExactlyInAnyOrder(
                new ChangeNotification(ChangeNotification.Kind.PRODUCT, "47", ChangeNotification.Action.UPDATED),
                new ChangeNotification(ChangeNotification.Kind.PRODUCT, "45", ChangeNotification.Action.UPDATED),
                new ChangeNotification(ChangeNotification.Kind.PRODUCT, "58", ChangeNotification.Action.DELETED));
    }

    @Test
    void disabledAfterFailures_isReportedAndReactivated() throws Exception {
        subscriptions.ensure(hookUrl);
        runner.failWith = 500;
        for (int i = 0; i < 7; i++) {
            fx.emulator.merchant().setRegularPrice(47, Integer.toString(30 + i));
            fx.emulator.deliverWebhooksNow();
        }
        assertThat(subscriptions.list(hookUrl)).filteredOn(s -> s.topic().equals("product.updated")).singleElement()
                .extracting(WebhookSubscription::health).isEqualTo(WebhookSubscription.Health.DISABLED);
        runner.failWith = 0;
        assertThat(subscriptions.ensure(hookUrl)).allSatisfy(s ->
                assertThat(s.health()).isEqualTo(WebhookSubscription.Health.ACTIVE));
        fx.emulator.merchant().setRegularPrice(47, "50");
        assertThat(fx.emulator.deliverWebhooksNow()).singleElement().satisfies(d -> assertThat(d.success()).isTrue());
    }

    @Test
    void remove_deletesOnlyThisUrlsWebhooks() throws Exception {
        subscriptions.ensure(hookUrl);
        URI other = runner.baseUri().resolve("/hooks/woocommerce/other-store");
        subscriptions.ensure(other);
        subscriptions.remove(hookUrl);
        assertThat(subscriptions.list(hookUrl)).isEmpty();
        assertThat(subscriptions.list(other)).hasSize(4);
        subscriptions.remove(hookUrl);
    }

    @Test
    void reachability_judgedByWordPressRules_whenStrict() {
        try (WooFixture strict = new WooFixture(com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator.builder()
                .webhookDelivery(false), Map.of("strict-delivery-urls", "true"))) {
            WebhookSubscriptions s = strict.connector.webhookSubscriptions().orElseThrow();
            assertThat(s.reachabilityProblem(URI.create("http://127.0.0.1:39123/hooks"))).hasValueSatisfying(p ->
                    assertThat(p).contains("cannot reach").contains("ports 80, 443"));
            assertThat(s.reachabilityProblem(URI.create("https://10.1.2.3/hooks"))).hasValueSatisfying(p ->
                    assertThat(p).contains("loopback or private"));
            assertThat(s.reachabilityProblem(URI.create("http://localhost:8080/hooks"))).isPresent();
            assertThat(s.reachabilityProblem(URI.create("https://runner.example.com/hooks"))).isEmpty();
            assertThat(s.reachabilityProblem(URI.create("https://runner.example.com:8443/hooks"))).isPresent();
            URI sameHostAndPort = URI.create(strict.emulator.homeUrl() + "/hooks");
            assertThat(s.reachabilityProblem(sameHostAndPort)).isEmpty();
            assertThat(s.reachabilityProblem(URI.create("ftp://runner.example.com/hooks"))).isPresent();
        }
        assertThat(subscriptions.reachabilityProblem(URI.create("http://127.0.0.1:39123/hooks"))).isEmpty();
    }
}
