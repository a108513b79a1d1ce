package com.golisto.sync.api.model;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import com.golisto.sync.api.annotations.Nullable;

/**
 * A marketplace sale, at one version. Every change on the marketplace (payment, shipment, payout,
 * cancellation) produces a higher {@link #version()}.
 *
 * @param id the marketplace's order id; never blank
 * @param number the order number shown to people; never blank
 * @param version grows by one at every change; at least 1
 * @param status where the sale stands
 * @param currency the currency of every amount in the order
 * @param createdAt when the sale was made
 * @param updatedAt when it last changed
 * @param buyer who bought
 * @param shippingAddress where to ship
 * @param billingAddress who pays
 * @param lines what was sold; at least one line
 * @param shippingTotal shipping charged to the buyer
 * @param total the order total
 * @param shipments parcels sent so far, oldest first
 * @param payout the merchant's payout, {@code null} when none exists yet
 */
public record Order(
        String id,
        String number,
        long version,
        OrderStatus status,
        Currency currency,
        Instant createdAt,
        Instant updatedAt,
        Buyer buyer,
        Address shippingAddress,
        Address billingAddress,
        List<OrderLine> lines,
        Money shippingTotal,
        Money total,
        List<Shipment> shipments,
        @Nullable Payout payout) {

    public Order {
        Checks.text(id, "order id");
        Checks.text(number, "order " + id + " number");
        if (version < 1) {
            throw new IllegalArgumentException("order " + id + ": version must be at least 1, was " + version);
        }
        Checks.required(status, "order " + id + " status");
        Checks.required(currency, "order " + id + " currency");
        Checks.required(createdAt, "order " + id + " created at");
        Checks.required(updatedAt, "order " + id + " updated at");
        buyer = buyer == null ? new Buyer("", "") : buyer;
        shippingAddress = shippingAddress == null ? Address.empty() : shippingAddress;
        billingAddress = billingAddress == null ? Address.empty() : billingAddress;
        lines = List.copyOf(Checks.required(lines, "order " + id + " lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("order " + id + " has no lines");
        }
        Checks.required(total, "order " + id + " total");
        shippingTotal = shippingTotal == null ? Money.zero(currency) : shippingTotal;
        for (Money m : List.of(total, shippingTotal)) {
            requireCurrency(id, currency, m);
        }
        for (OrderLine line : lines) {
            requireCurrency(id, currency, line.total());
        }
        shipments = List.copyOf(shipments == null ? List.of() : shipments);
    }

    private static void requireCurrency(String id, Currency currency, Money money) {
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException("order " + id + ": amount " + money + " is not in " + currency);
        }
    }
}
