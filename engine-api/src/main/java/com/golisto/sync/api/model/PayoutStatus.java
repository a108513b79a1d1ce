package com.golisto.sync.api.model;

/** Where the marketplace's payment to the merchant stands. */
public enum PayoutStatus {
    /** Not yet scheduled. */
    PENDING,
    /** Scheduled for a payment run. */
    SCHEDULED,
    /** Paid to the merchant. */
    PAID
}
