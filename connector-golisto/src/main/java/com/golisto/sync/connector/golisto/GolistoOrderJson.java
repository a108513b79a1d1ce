package com.golisto.sync.connector.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.Address;
import com.golisto.sync.api.model.Buyer;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.OrderStatus;
import com.golisto.sync.api.model.Payout;
import com.golisto.sync.api.model.PayoutStatus;
import com.golisto.sync.api.model.Shipment;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads the contract's {@code Order} JSON into the neutral {@link Order}. */
final class GolistoOrderJson {

    private GolistoOrderJson() {
    }

    /**
     * Reads one order.
     *
     * @throws IllegalArgumentException (or another runtime exception of the model or of parsing) when the
     *     order does not fit the contract
     */
    static Order fromJson(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("an order is not a JSON object");
        }
        String id = GolistoJson.text(node, "id");
        Currency currency = Money.currency(GolistoJson.text(node, "currency"));
        JsonNode versionNode = node.get("version");
        if (versionNode == null || !versionNode.isIntegralNumber()) {
            throw new IllegalArgumentException("order " + id + ": version is missing or not an integer");
        }
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : node.path("lines")) {
            JsonNode quantity = line.get("quantity");
            if (quantity == null || !quantity.isIntegralNumber()) {
                throw new IllegalArgumentException("order " + id + ": a line quantity is missing or not an integer");
            }
            lines.add(new OrderLine(GolistoJson.text(line, "line_id"), GolistoJson.text(line, "external_id"),
                    GolistoJson.optionalText(line, "variant_external_id"), GolistoJson.optionalText(line, "sku"),
                    GolistoJson.textOrEmpty(line, "title"), quantity.asInt(),
                    GolistoJson.money(line, "unit_price", currency), GolistoJson.money(line, "total", currency)));
        }
        List<Shipment> shipments = new ArrayList<>();
        for (JsonNode shipment : node.path("shipments")) {
            shipments.add(new Shipment(GolistoJson.text(shipment, "id"), GolistoJson.textOrEmpty(shipment, "carrier"),
                    GolistoJson.textOrEmpty(shipment, "tracking_number"),
                    GolistoJson.textOrEmpty(shipment, "tracking_url"),
                    GolistoJson.optionalInstant(shipment, "shipped_at")));
        }
        JsonNode buyer = node.path("buyer");
        return new Order(id, GolistoJson.text(node, "number"), versionNode.asLong(),
                OrderStatus.valueOf(GolistoJson.text(node, "status").toUpperCase(Locale.ROOT)), currency,
                GolistoJson.instant(node, "created_at"), GolistoJson.instant(node, "updated_at"),
                new Buyer(GolistoJson.textOrEmpty(buyer, "name"), GolistoJson.textOrEmpty(buyer, "email")),
                address(node.get("shipping_address")), address(node.get("billing_address")), lines,
                shippingTotal(node, currency), GolistoJson.money(node, "total", currency),
                shipments, payout(node.get("payout"), currency));
    }

    private static Address address(JsonNode node) {
        if (node == null || node.isNull()) {
            return Address.empty();
        }
        return new Address(GolistoJson.textOrEmpty(node, "first_name"), GolistoJson.textOrEmpty(node, "last_name"),
                GolistoJson.textOrEmpty(node, "company"), GolistoJson.textOrEmpty(node, "address_1"),
                GolistoJson.textOrEmpty(node, "address_2"), GolistoJson.textOrEmpty(node, "city"),
                GolistoJson.textOrEmpty(node, "state"), GolistoJson.textOrEmpty(node, "postcode"),
                GolistoJson.textOrEmpty(node, "country"), GolistoJson.textOrEmpty(node, "phone"),
                GolistoJson.textOrEmpty(node, "email"));
    }

    /** The shipping total; zero when Golisto sends none (a sale without shipping). */
    private static Money shippingTotal(JsonNode node, Currency currency) {
        Money shipping = GolistoJson.optionalMoney(node, "shipping_total", currency);
        return shipping == null ? Money.zero(currency) : shipping;
    }

    private static @Nullable Payout payout(@Nullable JsonNode node, Currency orderCurrency) {
        if (node == null || node.isNull()) {
            return null;
        }
        String code = GolistoJson.optionalText(node, "currency");
        Currency currency = code == null ? orderCurrency : Money.currency(code);
        return new Payout(PayoutStatus.valueOf(GolistoJson.text(node, "status").toUpperCase(Locale.ROOT)),
                GolistoJson.money(node, "amount", currency), GolistoJson.money(node, "fee", currency),
                GolistoJson.textOrEmpty(node, "reference"), GolistoJson.optionalInstant(node, "paid_at"));
    }
}
