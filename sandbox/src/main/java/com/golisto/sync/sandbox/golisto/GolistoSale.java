package com.golisto.sync.sandbox.golisto;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a simulated buyer bought, for {@link GolistoSalesSimulator#create(GolistoSale)}: lines of listed
 * products or variants with quantities, the buyer, addresses and shipping. Prices come from the listings as
 * Golisto holds them (the sale price when there is one).
 *
 * @param connectionId the store the sale is for
 * @param lines what was bought, at least one line
 * @param buyerName the buyer's name
 * @param buyerEmail the buyer's email
 * @param shippingAddress where it goes
 * @param billingAddress who pays
 * @param shippingTotal the shipping charged, not negative
 */
public record GolistoSale(String connectionId, List<Line> lines, String buyerName, String buyerEmail,
                          GolistoAddress shippingAddress, GolistoAddress billingAddress, BigDecimal shippingTotal) {

    /** Validates and copies. */
    public GolistoSale {
        Objects.requireNonNull(connectionId, "connectionId");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a sale needs at least one line");
        }
        Objects.requireNonNull(buyerName, "buyerName");
        Objects.requireNonNull(buyerEmail, "buyerEmail");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(billingAddress, "billingAddress");
        Objects.requireNonNull(shippingTotal, "shippingTotal");
        if (shippingTotal.signum() < 0) {
            throw new IllegalArgumentException("shipping must not be negative");
        }
    }

    /** Starts a sale for one connection with a default buyer, addresses and free shipping. */
    public static Builder builder(String connectionId) {
        return new Builder(connectionId);
    }

    /**
     * One line of a sale.
     *
     * @param externalId the listed product
     * @param variantExternalId the variant, required exactly when the listing has variants
     * @param quantity at least 1
     */
    public record Line(String externalId, @Nullable String variantExternalId, int quantity) {
        /** Validates the line. */
        public Line {
            Objects.requireNonNull(externalId, "externalId");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
            }
        }
    }

    /** Builds a {@link GolistoSale}; single use. */
    public static final class Builder {
        private final String connectionId;
        private final List<Line> lines = new ArrayList<>();
        private String buyerName = "Alex Buyer";
        private String buyerEmail = "alex.buyer@example.com";
        private GolistoAddress shipping = GolistoAddress.of("Alex", "Buyer", "Hauptstrasse 1", "10115", "Berlin",
                "DE", "alex.buyer@example.com");
        private @Nullable GolistoAddress billing;
        private BigDecimal shippingTotal = BigDecimal.ZERO;

        private Builder(String connectionId) {
            this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        }

        /** Adds a simple product. */
        public Builder line(String externalId, int quantity) {
            lines.add(new Line(externalId, null, quantity));
            return this;
        }

        /** Adds a variant of a variable product. */
        public Builder variantLine(String externalId, String variantExternalId, int quantity) {
            lines.add(new Line(externalId, Objects.requireNonNull(variantExternalId, "variantExternalId"), quantity));
            return this;
        }

        /** Sets the buyer. */
        public Builder buyer(String name, String email) {
            this.buyerName = name;
            this.buyerEmail = email;
            return this;
        }

        /** Sets the shipping address (also the billing address unless one is set). */
        public Builder shippingAddress(GolistoAddress address) {
            this.shipping = address;
            return this;
        }

        /** Sets the billing address. */
        public Builder billingAddress(GolistoAddress address) {
            this.billing = address;
            return this;
        }

        /** Sets the shipping charged, a decimal string such as {@code "4.90"}. */
        public Builder shippingTotal(String amount) {
            this.shippingTotal = new BigDecimal(amount);
            return this;
        }

        /** Builds the sale. */
        public GolistoSale build() {
            return new GolistoSale(connectionId, lines, buyerName, buyerEmail, shipping,
                    billing == null ? shipping : billing, shippingTotal);
        }
    }
}
