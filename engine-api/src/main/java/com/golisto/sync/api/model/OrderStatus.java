package com.golisto.sync.api.model;

/** Where a marketplace sale stands. */
public enum OrderStatus {
    /** Paid by the buyer; to be fulfilled. */
    PAID,
    /** Handed to a carrier. */
    SHIPPED,
    /** Received by the buyer. */
    DELIVERED,
    /** Cancelled before fulfilment. */
    CANCELLED,
    /** Money returned to the buyer. */
    REFUNDED
}
