package com.golisto.sync.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void of_normalisesScale_soEqualAmountsAreEqual() {
        assertThat(Money.of("19.9", "EUR")).isEqualTo(Money.of("19.900", "EUR"));
        assertThat(Money.of("19.9", "EUR").toPlainString()).isEqualTo("19.90");
        assertThat(Money.of("7", "JPY").toPlainString()).isEqualTo("7");
        assertThat(Money.of("0.125", "EUR").toPlainString()).isEqualTo("0.125");
    }

    @Test
    void of_rejectsGarbageExponentsAndBlanks_namingTheValue() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR")).hasMessageContaining("'12,50'");
        assertThatThrownBy(() -> Money.of("1e3", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(null, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_rejectsUnknownCurrency_namingTheCode() {
        assertThatThrownBy(() -> Money.of("1.00", "XYZQ")).hasMessageContaining("'XYZQ'");
    }

    @Test
    void arithmetic_inOneCurrency_isExact() {
        Money a = Money.of("0.10", "EUR");
        Money b = Money.of("0.20", "EUR");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(b.minus(a).minus(b).isNegative()).isTrue();
        assertThat(Money.of("19.99", "EUR").times(3)).isEqualTo(Money.of("59.97", "EUR"));
    }

    @Test
    void arithmeticAndComparison_acrossCurrencies_areRefused() {
        Money eur = Money.of("1.00", "EUR");
        Money usd = Money.of("1.00", "USD");
        assertThatThrownBy(() -> eur.plus(usd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD");
        assertThatThrownBy(() -> eur.minus(usd)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eur.compareTo(usd)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_requiresAmountAndCurrency() {
        assertThatThrownBy(() -> new Money(null, Money.currency("EUR"))).hasMessageContaining("amount");
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).hasMessageContaining("currency");
    }
}
