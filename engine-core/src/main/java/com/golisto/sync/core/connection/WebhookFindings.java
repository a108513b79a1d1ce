package com.golisto.sync.core.connection;

import com.golisto.sync.api.spi.WebhookSubscription;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What one check of a store's shop webhooks found, judged from the subscriptions before and after the repair
 * ({@link ShopWebhooks#ensure}): a webhook the shop disabled after failed deliveries (WooCommerce does so
 * after the 7th failure in a row) means deliveries to the engine fail, even though the repair re-activated it;
 * one still not active after the repair, or none at all, means the shop does not deliver. Stateless.
 */
final class WebhookFindings {

    private WebhookFindings() {
    }

    /** The problem for the store's health, or empty when every webhook was and is delivering. */
    static Optional<String> problem(URI url, List<WebhookSubscription> before, List<WebhookSubscription> after) {
        long stillOff = after.stream().filter(s -> s.health() != WebhookSubscription.Health.ACTIVE).count();
        if (after.isEmpty()) {
            return Optional.of("the shop reports no webhook delivering to " + url + " after registering them");
        }
        if (stillOff > 0) {
            return Optional.of(stillOff + " of the shop's webhooks to " + url + " stay inactive after re-activating"
                    + " them");
        }
        long disabled = before.stream().filter(s -> s.health() == WebhookSubscription.Health.DISABLED).count();
        if (disabled > 0) {
            return Optional.of("the shop had disabled " + disabled + " webhook" + (disabled == 1 ? "" : "s")
                    + " to " + url + " after failed deliveries (re-activated now; the shop cannot reach this URL"
                    + " reliably)");
        }
        return Optional.empty();
    }
}
