package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Compares a Golisto listing with the shop product it lists, field by field. */
final class ListingAssertions {

    private ListingAssertions() {}

    static void assertListingEquals(GolistoListing listing, Product product) {
        JsonNode json = listing.json();
        String what = "listing of product " + product.id();
        assertThat(json.path("external_id").asText()).as(what).isEqualTo(product.id());
        assertThat(json.path("title").asText()).as(what + " title").isEqualTo(product.title());
        assertThat(json.path("description_html").asText()).as(what + " description").isEqualTo(product.descriptionHtml());
        assertThat(json.path("short_description_html").asText()).as(what + " short description")
                .isEqualTo(product.shortDescriptionHtml());
        assertThat(json.path("status").asText()).as(what + " status").isEqualTo("active");
        assertThat(json.path("currency").asText()).as(what + " currency")
                .isEqualTo(product.price().currency().getCurrencyCode());
        assertMoney(json.path("price"), product.price(), what + " price");
        assertMoney(json.path("sale_price"), product.salePrice(), what + " sale price");
        assertStock(json, product.stock(), what + " stock");
        assertThat(text(json.path("sku"))).as(what + " sku").isEqualTo(product.sku());
        assertThat(text(json.path("weight"))).as(what + " weight").isEqualTo(product.weight());
        List<String> images = new ArrayList<>();
        json.path("images").forEach(i -> images.add(i.path("position").asInt() + " " + i.path("url").asText()));
        assertThat(images).as(what + " images")
                .containsExactlyInAnyOrderElementsOf(product.images().stream().map(ListingAssertions::image).toList());
        List<String> categories = new ArrayList<>();
        json.path("categories").forEach(c -> categories.add(c.asText()));
        assertThat(categories).as(what + " categories").containsExactlyInAnyOrderElementsOf(product.categories());
        Map<String, List<String>> attributes = new TreeMap<>();
        json.path("attributes").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            attributes.put(e.getKey(), values);
        });
        assertThat(attributes).as(what + " attributes").isEqualTo(product.attributes());
        assertThat(json.path("variants").size()).as(what + " variant count").isEqualTo(product.variants().size());
        for (Variant variant : product.variants()) {
            JsonNode listed = null;
            for (JsonNode v : json.path("variants")) {
                if (v.path("external_id").asText().equals(variant.id())) {
                    listed = v;
                }
            }
            String variantWhat = what + " variant " + variant.id();
            assertThat(listed).as(variantWhat).isNotNull();
            assertMoney(listed.path("price"), variant.price(), variantWhat + " price");
            assertMoney(listed.path("sale_price"), variant.salePrice(), variantWhat + " sale price");
            assertStock(listed, variant.stock(), variantWhat + " stock");
            assertThat(text(listed.path("sku"))).as(variantWhat + " sku").isEqualTo(variant.sku());
            assertThat(text(listed.path("image_url"))).as(variantWhat + " image").isEqualTo(variant.imageUrl());
            Map<String, String> options = new TreeMap<>();
            listed.path("options").properties().forEach(e -> options.put(e.getKey(), e.getValue().asText()));
            assertThat(options).as(variantWhat + " options").isEqualTo(variant.options());
        }
    }

    private static String image(Image image) {
        return image.position() + " " + image.url();
    }

    private static void assertMoney(JsonNode node, Money expected, String what) {
        if (expected == null) {
            assertThat(node.isMissingNode() || node.isNull()).as(what + " absent").isTrue();
        } else {
            assertThat(new BigDecimal(node.asText())).as(what).isEqualByComparingTo(expected.amount());
        }
    }

    private static void assertStock(JsonNode node, StockLevel expected, String what) {
        JsonNode quantity = node.path("quantity");
        assertThat(quantity.isNull() || quantity.isMissingNode() ? null : quantity.asInt()).as(what + " quantity")
                .isEqualTo(expected.quantity());
        assertThat(node.path("stock_status").asText()).as(what + " status")
                .isEqualTo(expected.status().name().toLowerCase(Locale.ROOT));
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
