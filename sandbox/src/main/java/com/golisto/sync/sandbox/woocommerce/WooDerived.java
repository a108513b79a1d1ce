package com.golisto.sync.sandbox.woocommerce;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Values WooCommerce derives when it renders a product rather than stores: a variable product's price and
 * stock status from its variations, a variation's name and permalink query from its attributes.
 */
final class WooDerived {

    private WooDerived() {
    }

    /** A variable product's stock status comes from its children. */
    static String stockStatus(List<WooProduct> children) {
        if (children.stream().anyMatch(c -> "instock".equals(c.stockStatus))) {
            return "instock";
        }
        if (children.stream().anyMatch(c -> "onbackorder".equals(c.stockStatus))) {
            return "onbackorder";
        }
        return "outofstock";
    }

    /** The lowest published price among {@code items}, as WooCommerce shows a variable or grouped product's price. */
    static String minPrice(List<WooProduct> items) {
        BigDecimal min = null;
        String shown = "";
        for (WooProduct v : items) {
            String price = v.activePrice();
            if (price.isEmpty() || !"publish".equals(v.status)) {
                continue;
            }
            BigDecimal value = new BigDecimal(price);
            if (min == null || value.compareTo(min) < 0) {
                min = value;
                shown = price;
            }
        }
        return shown;
    }

    /** A variation's name: its parent's, then its chosen options. */
    static String variationName(WooProduct v, @Nullable WooProduct parent) {
        String base = parent == null ? "" : parent.name;
        String options = String.join(", ", v.attributes.stream().map(WooProduct.Attribute::option)
                .filter(o -> !o.isEmpty()).toList());
        return options.isEmpty() ? base : base + " - " + options;
    }

    /** The {@code attribute_pa_color=blue} query of a variation's permalink. */
    static String variationQuery(WooProduct v) {
        StringBuilder sb = new StringBuilder();
        for (WooProduct.Attribute a : v.attributes) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append("attribute_").append(a.id() > 0 ? "pa_" : "").append(WooJson.slugify(a.name())).append('=')
                    .append(WooJson.slugify(a.option()));
        }
        return sb.toString();
    }
}
