package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.spi.CredentialRequest;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.sandbox.http.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WooCommerceSecretHygieneTest {

    @Test
    void noSecretReachesALogLineOrAnExceptionMessage_throughFailuresToo() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        List<String> messages = new ArrayList<>();
        try (WooFixture fx = WooFixture.withSampleCatalog(Map.of())) {
            var source = fx.connector.catalogSource().orElseThrow();
            var orders = fx.connector.orderTarget().orElseThrow();
            var subscriptions = fx.connector.webhookSubscriptions().orElseThrow();
            source.readAll(null);
            fx.emulator.faults().inject("*", ".*", Fault.status(500, Duration.ofSeconds(1),
                    "{\"code\":\"boom\",\"message\":\"fail\",\"data\":{\"status\":500}}"), 3);
            for (int i = 0; i < 3; i++) {
                try {
                    orders.create(WooCommerceOrderWriterTest.order("GO-S" + i, "47", null, OrderStatus.PAID));
                } catch (SyncException e) {
                    messages.add(e.getMessage());
                }
            }
            subscriptions.ensure(URI.create("http://127.0.0.1:1/hooks"));
            fx.connector.credentialIssuer().orElseThrow().authorizationUrl(new CredentialRequest("Golisto Sync",
                    "state-secret-ish", URI.create("http://runner/return"), URI.create("http://runner/callback")));
            fx.emulator.revokeApiKey(fx.key.consumerKey());
            try {
                source.readAll(null);
            } catch (SyncException e) {
                messages.add(e.getMessage());
            }
            appender.list.forEach(e -> messages.add(e.getFormattedMessage()));
            messages.add(fx.connector.toString());
            assertThat(messages).isNotEmpty();
            assertThat(messages).allSatisfy(m -> assertThat(String.valueOf(m))
                    .doesNotContain(fx.key.consumerSecret())
                    .doesNotContain(fx.key.consumerKey())
                    .doesNotContain(WooFixture.WEBHOOK_SECRET));
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
    }
}
