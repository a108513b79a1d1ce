package com.golisto.sync.api.model;

/** Whether a product or variant can be bought now. */
public enum StockStatus {
    /** Available. */
    IN_STOCK,
    /** Not available. */
    OUT_OF_STOCK,
    /** Not on hand but orders are accepted. */
    BACKORDER
}
