package com.golisto.sync.api.model;

import java.time.Instant;
import com.golisto.sync.api.annotations.Nullable;

/**
 * A parcel sent for a sale.
 *
 * @param id the marketplace's id for the shipment; never blank
 * @param carrier carrier name, empty when unknown
 * @param trackingNumber tracking number, empty when unknown
 * @param trackingUrl tracking page, empty when unknown
 * @param shippedAt when it was handed over, {@code null} when unknown
 */
public record Shipment(String id, String carrier, String trackingNumber, String trackingUrl, @Nullable Instant shippedAt) {

    public Shipment {
        Checks.text(id, "shipment id");
        carrier = Checks.orEmpty(carrier);
        trackingNumber = Checks.orEmpty(trackingNumber);
        trackingUrl = Checks.orEmpty(trackingUrl);
    }
}
