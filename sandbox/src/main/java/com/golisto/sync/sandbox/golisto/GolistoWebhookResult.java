package com.golisto.sync.sandbox.golisto;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened when the emulator POSTed one webhook.
 *
 * @param delivery the delivery
 * @param target where it was sent, null when no URL was known
 * @param status the engine's HTTP status, or 0 when there was no answer
 * @param failure why it was not delivered (no URL, connection refused, ...), null when an answer came
 */
public record GolistoWebhookResult(GolistoWebhookDelivery delivery, @Nullable URI target, int status,
                                   @Nullable String failure) {

    /** Validates the delivery. */
    public GolistoWebhookResult {
        Objects.requireNonNull(delivery, "delivery");
    }

    /** True when the engine answered 2xx. */
    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}
