package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.ShopOrderRef;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes marketplace sales into the shop as orders, with the marketplace's details (order id, shipments,
 * tracking, payout) where the merchant sees them.
 */
public interface OrderTarget {

    /**
     * Creates the shop order for a sale, marked with the sale's id so that {@link #find} can recognise
     * it. NOT idempotent: the engine records an intent before calling and, after a crash, calls
     * {@link #find} before calling this again.
     *
     * @throws InvalidItemException when the shop refuses the order's content (unknown product, ...)
     */
    ShopOrderRef create(Order order) throws InterruptedException;

    /**
     * Looks for the shop order created for this sale (by the marketplace order id the order carries),
     * among orders created since shortly before the sale was made. Sees an order as soon as a
     * {@link #create} call for it returned: the engine relies on this to never create a sale twice.
     */
    Optional<ShopOrderRef> find(Order order) throws InterruptedException;

    /**
     * How long after a {@link #create} call began the shop may still be creating that order, even when the
     * caller saw no answer (it timed out, or its process was killed): a shop keeps processing a request
     * whose client went away. The engine never calls {@link #create} again for the same sale before this
     * has passed since the previous attempt began; meanwhile it only looks with {@link #find}. Connectors
     * return at least their request timeout plus what the shop needs to finish. Default two minutes.
     */
    default Duration creationSettleTime() {
        return Duration.ofMinutes(2);
    }

    /**
     * Brings an existing shop order up to a newer version of its sale: status, the marketplace details
     * as order metadata, and one note for each shipment or payout event not noted yet. Idempotent.
     */
    void update(ShopOrderRef shopOrder, Order order) throws InterruptedException;
}
