package com.golisto.sync.api.model;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in one currency. Amounts are {@link BigDecimal}, never floating point, and are
 * normalised so that equal amounts are equal records: trailing zeros are stripped, then the scale is
 * raised to at least the currency's default fraction digits ({@code 19.9 EUR} becomes {@code 19.90 EUR};
 * {@code 0.125 EUR} keeps its three places).
 *
 * <p>Arithmetic across currencies is refused with an {@link IllegalArgumentException}: nothing in this
 * engine converts currencies.
 *
 * @param amount the amount; may be negative (refunds) but never null
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Checks.required(amount, "amount");
        Checks.required(currency, "currency");
        amount = normalise(amount, currency);
    }

    /**
     * Parses a decimal string such as {@code "19.99"} in the given ISO currency code.
     *
     * @throws IllegalArgumentException if the amount is not a plain decimal number or the code is unknown
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /** The given amount in the given currency. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Looks up an ISO 4217 currency by its code, with a message that names the code on failure.
     *
     * @throws IllegalArgumentException for a null, malformed or unknown code
     */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("currency code is required");
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency code '" + code + "'", e);
        }
    }

    /** Parses a plain decimal string ({@code "19.99"}, {@code "-5"}); rejects exponents, blanks and garbage. */
    public static BigDecimal parseAmount(String amount) {
        if (amount == null || !amount.trim().matches("-?[0-9]+(\\.[0-9]+)?|-?\\.[0-9]+")) {
            throw new IllegalArgumentException("not a decimal amount: '" + amount + "'");
        }
        return new BigDecimal(amount.trim());
    }

    /** This amount plus another in the same currency. */
    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    /** This amount minus another in the same currency. */
    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** This amount multiplied by a whole quantity. */
    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** True when the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Compares amounts of the same currency; refuses to compare across currencies. */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** The amount as a plain decimal string without exponent, e.g. {@code "19.90"}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money sameCurrency(Money other) {
        Checks.required(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
        return other;
    }

    private static BigDecimal normalise(BigDecimal amount, Currency currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int minScale = Math.max(0, currency.getDefaultFractionDigits());
        return stripped.scale() < minScale ? stripped.setScale(minScale) : stripped;
    }
}
