package com.golisto.sync.core.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.api.model.Order;
import com.golisto.sync.api.model.OrderLine;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small JSON summaries of items for dead letters and intents: enough for a person, never secrets. */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    /** A product's identity, status, prices and variants. */
    public static String product(Product product) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        map.put("id", product.id());
        map.put("sku", product.sku());
        map.put("title", product.title());
        map.put("status", product.status().name());
        map.put("price", product.price().toString());
        map.put("sale_price", product.salePrice() == null ? null : product.salePrice().toString());
        List<Object> variants = new ArrayList<>();
        for (Variant variant : product.variants()) {
            variants.add(Map.of("id", variant.id(), "price", variant.price().toString(), "options", variant.options()));
        }
        map.put("variants", variants);
        return write(map);
    }

    /** An order's identity, version, status and lines. */
    public static String order(Order order) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", order.id());
        map.put("number", order.number());
        map.put("version", order.version());
        map.put("status", order.status().name());
        map.put("total", order.total().toString());
        List<Object> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Map<String, @Nullable Object> l = new LinkedHashMap<>();
            l.put("line_id", line.lineId());
            l.put("product_id", line.productId());
            l.put("variant_id", line.variantId());
            l.put("sku", line.sku());
            l.put("quantity", line.quantity());
            l.put("total", line.total().toString());
            lines.add(l);
        }
        map.put("lines", lines);
        return write(map);
    }

    /** A map as JSON. */
    public static String write(Map<String, ?> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a plain map as JSON", e);
        }
    }
}
