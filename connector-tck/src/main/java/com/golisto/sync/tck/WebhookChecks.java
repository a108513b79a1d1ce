package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookReceiver;
import com.golisto.sync.api.spi.WebhookVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Webhook verification, as {@link WebhookVerdict} states it: a genuine delivery is accepted with a key unique to
 * it and notifies its resource; a forged, tampered or unsigned one is rejected, its reason showing no secret; the
 * same delivery again is either accepted with the same key (the engine drops it as a duplicate) or not accepted.
 */
final class WebhookChecks {

    /** Makes a delivery about a resource. */
    @FunctionalInterface
    interface Deliveries {
        InboundRequest about(String resourceId) throws Exception;
    }

    private WebhookChecks() {
    }

    static void genuineAccepted(WebhookReceiver receiver, Deliveries signed, String resourceId,
            ChangeNotification.Kind kind) throws Exception {
        WebhookVerdict verdict = receiver.verify(signed.about(resourceId));
        assertThat(verdict).as("a genuine delivery is accepted").isInstanceOf(WebhookVerdict.Accepted.class);
        List<ChangeNotification> notifications = ((WebhookVerdict.Accepted) verdict).notifications();
        assertThat(notifications).as("a genuine delivery notifies its resource")
                .anySatisfy(n -> {
                    assertThat(n.kind()).isEqualTo(kind);
                    assertThat(n.resourceId()).isEqualTo(resourceId);
                });
    }

    static void forgedRejected(ConnectorFixture fixture, WebhookReceiver receiver, Deliveries signed,
            Deliveries forged, String resourceId) throws Exception {
        SecretScan scan = SecretScan.of(fixture);
        rejected(scan, "a delivery signed with another secret", receiver.verify(forged.about(resourceId)));
        InboundRequest genuine = signed.about(resourceId);
        byte[] body = genuine.body().clone();
        assertThat(body).as("a genuine delivery has a body").isNotEmpty();
        body[body.length / 2] = (byte) (body[body.length / 2] == '1' ? '2' : '1');
        rejected(scan, "a genuine delivery with a changed body", receiver.verify(
                new InboundRequest(genuine.method(), genuine.path(), genuine.query(), genuine.headers(), body)));
        rejected(scan, "a genuine body without any header", receiver.verify(
                new InboundRequest(genuine.method(), genuine.path(), genuine.query(), Map.of(), genuine.body())));
    }

    static void replayedNotAcceptedAsNew(ConnectorFixture fixture, WebhookReceiver receiver, Deliveries signed,
            String resourceId, String otherResourceId) throws Exception {
        InboundRequest delivery = signed.about(resourceId);
        WebhookVerdict first = receiver.verify(delivery);
        assertThat(first).as("a genuine delivery is accepted").isInstanceOf(WebhookVerdict.Accepted.class);
        String key = ((WebhookVerdict.Accepted) first).deliveryKey();
        WebhookVerdict other = receiver.verify(signed.about(otherResourceId));
        assertThat(other).as("another genuine delivery is accepted").isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(((WebhookVerdict.Accepted) other).deliveryKey()).as("deliveries about two resources have two keys")
                .isNotEqualTo(key);
        for (Duration later : List.of(Duration.ZERO, Duration.ofDays(1))) {
            fixture.advanceTime(later);
            WebhookVerdict again = receiver.verify(delivery);
            if (again instanceof WebhookVerdict.Accepted accepted) {
                assertThat(accepted.deliveryKey()).as("the same delivery replayed %s later keeps its key", later)
                        .isEqualTo(key);
            } else {
                assertThat(again).as("a replayed delivery is accepted with its key, ignored or rejected")
                        .isInstanceOfAny(WebhookVerdict.Ignored.class, WebhookVerdict.Rejected.class);
            }
        }
    }

    private static void rejected(SecretScan scan, String what, WebhookVerdict verdict) {
        assertThat(verdict).as("%s is rejected", what).isInstanceOf(WebhookVerdict.Rejected.class);
        scan.assertClean("the reason " + what + " was rejected", ((WebhookVerdict.Rejected) verdict).reason());
        scan.assertClean("the verdict on " + what, verdict.toString());
    }
}
