package com.golisto.sync.api.model;

import java.util.OptionalInt;
import com.golisto.sync.api.annotations.Nullable;

/**
 * The stock of a product or variant: a status, and a quantity when the shop tracks one.
 *
 * @param quantity units on hand, {@code null} when the shop does not track stock; may be negative
 *     (shops that accept backorders count below zero)
 * @param status the availability; never null
 */
public record StockLevel(@Nullable Integer quantity, StockStatus status) {

    public StockLevel {
        Checks.required(status, "status");
    }

    /** A tracked quantity. */
    public static StockLevel of(int quantity, StockStatus status) {
        return new StockLevel(quantity, status);
    }

    /** A status whose quantity the shop does not track. */
    public static StockLevel untracked(StockStatus status) {
        return new StockLevel(null, status);
    }

    /** The quantity when tracked. */
    public OptionalInt knownQuantity() {
        return quantity == null ? OptionalInt.empty() : OptionalInt.of(quantity);
    }
}
