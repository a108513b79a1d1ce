package com.golisto.sync.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant T = Instant.parse("2026-11-28T10:15:00Z");

    static OrderLine line(String qtyPrice) {
        return new OrderLine("l1", "44", "51", null, "Tee", 2, Money.of(qtyPrice, "EUR"), Money.of(qtyPrice, "EUR").times(2));
    }

    @Test
    void order_defaultsAbsentPartiesAndShipping() {
        Order o = new Order("g1", "1001", 1, OrderStatus.PAID, Money.currency("EUR"), T, T, null, null, null,
                List.of(line("10.00")), null, Money.of("20.00", "EUR"), null, null);
        assertThat(o.shippingTotal()).isEqualTo(Money.zero(Money.currency("EUR")));
        assertThat(o.shipments()).isEmpty();
        assertThat(o.billingAddress()).isEqualTo(Address.empty());
    }

    @Test
    void order_rejectsNoLinesZeroVersionAndForeignCurrency() {
        assertThatThrownBy(() -> new Order("g1", "1001", 1, OrderStatus.PAID, Money.currency("EUR"), T, T, null,
                null, null, List.of(), null, Money.of("1", "EUR"), null, null)).hasMessageContaining("no lines");
        assertThatThrownBy(() -> new Order("g1", "1001", 0, OrderStatus.PAID, Money.currency("EUR"), T, T, null,
                null, null, List.of(line("1")), null, Money.of("1", "EUR"), null, null)).hasMessageContaining("version");
        assertThatThrownBy(() -> new Order("g1", "1001", 1, OrderStatus.PAID, Money.currency("USD"), T, T, null,
                null, null, List.of(line("1")), null, Money.of("1", "USD"), null, null)).hasMessageContaining("not in USD");
    }

    @Test
    void orderLine_rejectsZeroQuantity() {
        assertThatThrownBy(() -> new OrderLine("l1", "44", null, null, "", 0, Money.of("1", "EUR"), Money.of("0", "EUR")))
                .hasMessageContaining("quantity must be at least 1");
    }

    @Test
    void address_requiresIsoCountry_andUppercasesIt() {
        assertThat(new Address("A", "B", "", "", "", "", "", "", "de", "", "").country()).isEqualTo("DE");
        assertThatThrownBy(() -> new Address("A", "B", "", "", "", "", "", "", "Germany", "", ""))
                .hasMessageContaining("'GERMANY'");
    }

    @Test
    void payout_rejectsFeeInAnotherCurrency() {
        assertThatThrownBy(() -> new Payout(PayoutStatus.PAID, Money.of("9", "EUR"), Money.of("1", "USD"), "r", T))
                .hasMessageContaining("differ in currency");
    }

    @Test
    void writeResult_errorGoesWithFailedOnly() {
        var error = WriteResult.ItemError.rejected("invalid_price", "price must be a string");
        assertThat(WriteResult.failed("44", null, error).succeeded()).isFalse();
        assertThatThrownBy(() -> new WriteResult("44", null, WriteResult.Outcome.CREATED, "L1", error))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WriteResult("44", null, WriteResult.Outcome.FAILED, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cursorAndPage_behave() {
        assertThat(Cursor.beginning().isBeginning()).isTrue();
        Page<String> last = new Page<>(List.of("a"), "", null);
        assertThat(last.hasNext()).isFalse();
        assertThat(new Page<>(List.of(), "p2", null).next()).hasValue("p2");
    }
}
