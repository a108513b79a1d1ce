package com.golisto.sync.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a store's Golisto listings say what its WooCommerce shop says now: exactly the shop's published
 * products, each once, with the shop's title, prices and stock, variations included, as the WooCommerce emulator
 * renders them (docs/woocommerce.md, the mapping). The comparison {@link CatalogProcessKillIT} makes, for the
 * tests that compare many stores.
 */
final class ShopListings {

    private ShopListings() {}

    /** The differences between the shop and its listings, one line each; empty when they are equal. */
    static List<String> differences(WooCommerceEmulator shop, List<GolistoListing> listings) {
        List<String> differences = new ArrayList<>();
        Map<String, String> listed = new TreeMap<>();
        for (GolistoListing l : listings) {
            if (listed.put(l.externalId(), describeListing(l.json())) != null) {
                differences.add(l.externalId() + ": listed twice");
            }
        }
        Map<String, String> catalog = new TreeMap<>();
        for (long id : shop.merchant().productIds()) {
            JsonNode product = shop.merchant().product(id).orElseThrow();
            if (product.path("status").asText().equals("publish")) {
                catalog.put(Long.toString(id), describeShopProduct(product, shop.merchant().variations(id)));
            }
        }
        catalog.forEach((id, expected) -> {
            if (!expected.equals(listed.get(id))) {
                differences.add(id + ": shop    " + expected + "\n      golisto " + listed.get(id));
            }
        });
        listed.keySet().stream().filter(id -> !catalog.containsKey(id)).forEach(id -> differences.add(id + ": not in the shop"));
        return differences;
    }

    private static String describeListing(JsonNode l) {
        List<String> variants = new ArrayList<>();
        l.path("variants").forEach(v -> variants.add(v.path("external_id").asText() + " " + money(v.path("price")) + "/"
                + money(v.path("sale_price")) + " " + quantity(v.path("quantity")) + " " + v.path("stock_status").asText()));
        variants.sort(null);
        return l.path("title").asText() + " | " + l.path("status").asText() + " | " + money(l.path("price")) + "/"
                + money(l.path("sale_price")) + " | " + quantity(l.path("quantity")) + " "
                + l.path("stock_status").asText() + " | " + variants;
    }

    /** What the listing of a WooCommerce product says: its own fields, or its variations' for a variable one. */
    private static String describeShopProduct(JsonNode p, List<JsonNode> variations) {
        boolean variable = p.path("type").asText().equals("variable");
        List<String> variants = new ArrayList<>();
        BigDecimal lowest = null;
        if (variable) {
            for (JsonNode v : variations) {
                BigDecimal regular = decimal(v.path("regular_price"));
                if (!v.path("status").asText("publish").equals("publish") || regular == null) {
                    continue;
                }
                lowest = lowest == null || regular.compareTo(lowest) < 0 ? regular : lowest;
                variants.add(v.path("id").asText() + " " + plain(regular) + "/" + sale(v, regular) + " "
                        + shopQuantity(v, p) + " " + stockStatus(v));
            }
        }
        variants.sort(null);
        BigDecimal price = variable ? lowest : decimal(p.path("regular_price"));
        return p.path("name").asText() + " | active | " + plain(price) + "/" + (variable ? "-" : sale(p, price)) + " | "
                + shopQuantity(p, null) + " " + stockStatus(p) + " | " + variants;
    }

    private static String sale(JsonNode item, BigDecimal regular) {
        BigDecimal sale = decimal(item.path("sale_price"));
        return sale != null && regular != null && sale.compareTo(regular) < 0 ? plain(sale) : "-";
    }

    /** The tracked quantity: the item's own, the parent's for {@code manage_stock: "parent"}, none when untracked. */
    private static String shopQuantity(JsonNode item, JsonNode parent) {
        JsonNode manage = item.path("manage_stock");
        JsonNode quantity = item.path("stock_quantity");
        if (manage.isTextual() && manage.asText().equals("parent") && parent != null) {
            quantity = parent.path("stock_quantity");
        } else if (!manage.asBoolean(false)) {
            return "-";
        }
        return quantity.isNumber() ? quantity.asText() : "-";
    }

    private static String stockStatus(JsonNode item) {
        return switch (item.path("stock_status").asText("instock")) {
            case "outofstock" -> "out_of_stock";
            case "onbackorder" -> "backorder";
            default -> "in_stock";
        };
    }

    private static BigDecimal decimal(JsonNode node) {
        String text = node.isMissingNode() || node.isNull() ? "" : node.asText().trim();
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private static String money(JsonNode node) {
        return plain(decimal(node));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private static String quantity(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "-" : node.asText();
    }
}
