package com.golisto.sync.sandbox.golisto;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement the engine posted for one order, as Golisto recorded it.
 *
 * @param shopOrderId the shop's order id
 * @param shopOrderNumber the shop's order number, null when not sent
 * @param version the order version acknowledged
 */
public record GolistoAck(String shopOrderId, @Nullable String shopOrderNumber, long version) {

    /** Validates the shop order id. */
    public GolistoAck {
        Objects.requireNonNull(shopOrderId, "shopOrderId");
    }
}
