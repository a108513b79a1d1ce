package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.ShopOrderRef;
import java.util.Optional;
import com.golisto.sync.api.annotations.Nullable;

/** Reads a marketplace's sales and records where they landed in the shop. */
public interface OrderSource {

    /**
     * Reads one page of orders changed after a cursor, oldest change first. Each page's
     * {@link Page#cursor()} is where to resume once that page is processed.
     *
     * @param since where the previous read stopped; {@link Cursor#beginning()} reads everything
     * @param pageToken {@code null} for the first page, else the previous page's next token
     */
    Page<Order> readChanged(Cursor since, @Nullable String pageToken) throws InterruptedException;

    /** One order as it is now; empty when the marketplace does not know it. */
    Optional<Order> read(String orderId) throws InterruptedException;

    /**
     * Tells the marketplace which shop order holds a sale, at which version. Idempotent per
     * (order, version).
     *
     * @return {@link AckOutcome#STALE} when a newer version exists: read the order again
     */
    AckOutcome acknowledge(String orderId, ShopOrderRef shopOrder, long version) throws InterruptedException;

    /** What an acknowledgement did. */
    enum AckOutcome {
        /** Recorded. */
        RECORDED,
        /** A newer version of the order exists; nothing was recorded. */
        STALE
    }
}
