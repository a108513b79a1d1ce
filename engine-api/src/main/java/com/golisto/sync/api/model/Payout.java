package com.golisto.sync.api.model;

import java.time.Instant;
import com.golisto.sync.api.annotations.Nullable;

/**
 * What the marketplace pays the merchant for a sale.
 *
 * @param status where the payout stands
 * @param amount what the merchant receives
 * @param fee the marketplace's fee; same currency as amount
 * @param reference the payout reference, empty when none yet
 * @param paidAt when it was paid, {@code null} until then
 */
public record Payout(PayoutStatus status, Money amount, Money fee, String reference, @Nullable Instant paidAt) {

    public Payout {
        Checks.required(status, "payout status");
        Checks.required(amount, "payout amount");
        Checks.required(fee, "payout fee");
        if (!amount.currency().equals(fee.currency())) {
            throw new IllegalArgumentException("payout amount and fee differ in currency");
        }
        reference = Checks.orEmpty(reference);
    }
}
