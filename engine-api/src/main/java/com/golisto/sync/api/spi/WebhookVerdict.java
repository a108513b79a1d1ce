package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.ChangeNotification;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link WebhookReceiver} made of an inbound delivery. The host answers {@link Accepted},
 * {@link Ping} and {@link Ignored} with 200 and {@link Rejected} with 401, and stores nothing for a
 * rejected delivery.
 */
public sealed interface WebhookVerdict {

    /**
     * A verified delivery.
     *
     * @param deliveryKey a key unique to this delivery, for de-duplication (built by the connector from
     *     whatever makes a delivery unique at its remote)
     * @param notifications what changed; possibly empty
     */
    record Accepted(String deliveryKey, List<ChangeNotification> notifications) implements WebhookVerdict {
        public Accepted {
            Objects.requireNonNull(deliveryKey, "deliveryKey");
            notifications = List.copyOf(notifications);
        }
    }

    /** A liveness check from the remote (e.g. WooCommerce's creation ping); nothing to do. */
    record Ping() implements WebhookVerdict { }

    /**
     * Authentic or harmless but not of interest (an unknown topic).
     *
     * @param reason why, for logs
     */
    record Ignored(String reason) implements WebhookVerdict { }

    /**
     * Not authentic: bad or missing signature, outside the replay window, malformed.
     *
     * @param reason why, for logs; never contains the secret or the expected signature
     */
    record Rejected(String reason) implements WebhookVerdict { }
}
