package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Loads WooCommerce's product CSV (the importer format of {@code sample_products.csv}): parents first,
 * then variations by parent SKU (or {@code id:N}), then grouped children by SKU. Ids from the CSV are
 * kept. A leading UTF-8 BOM is skipped.
 */
final class WooCsvLoader {

    private WooCsvLoader() {
    }

    static CatalogSummary load(InputStream in, WooStore store) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            return new CatalogSummary(0, 0, store.categories().size());
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            Map<String, String> rec = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                rec.put(header.get(i), i < row.size() ? row.get(i) : "");
            }
            records.add(rec);
        }
        Map<String, Long> globalAttributes = new HashMap<>(Map.of("color", 1L, "size", 2L));
        int products = 0;
        int variations = 0;
        List<Grouped> grouped = new ArrayList<>();
        for (Map<String, String> rec : records) {
            if (types(rec).contains("variation")) {
                continue;
            }
            WooProduct p = common(rec, store, globalAttributes);
            List<String> types = types(rec);
            p.type = types.stream().filter(t -> List.of("simple", "variable", "grouped", "external").contains(t))
                    .findFirst().orElse("simple");
            p.virtual = types.contains("virtual");
            p.downloadable = types.contains("downloadable");
            p.name = rec.getOrDefault("Name", "");
            p.featured = "1".equals(rec.get("Is featured?"));
            p.catalogVisibility = orDefault(rec.get("Visibility in catalog"), "visible");
            p.shortDescription = rec.getOrDefault("Short description", "");
            p.externalUrl = rec.getOrDefault("External URL", "");
            p.buttonText = rec.getOrDefault("Button text", "");
            List<Long> categories = new ArrayList<>();
            for (String path : split(rec.get("Categories"))) {
                categories.add(store.categories().ensurePath(path).id());
            }
            p.categoryIds = List.copyOf(categories);
            p.tags = List.copyOf(split(rec.get("Tags")));
            List<WooProduct.Image> images = new ArrayList<>();
            for (String src : split(rec.get("Images"))) {
                images.add(image(store, src));
            }
            p.images = List.copyOf(images);
            if ("variable".equals(p.type) || "grouped".equals(p.type)) {
                p.regularPrice = "";
                p.salePrice = "";
            }
            final boolean variable = "variable".equals(p.type);
            p.attributes = p.attributes.stream().map(a -> new WooProduct.Attribute(a.id(), a.name(), a.position(),
                    a.visible(), variable, a.options(), "")).toList();
            store.insert(p);
            products++;
            String children = orDefault(rec.get("Grouped products"), "");
            if (!children.isBlank()) {
                grouped.add(new Grouped(p.id, children));
            }
        }
        for (Map<String, String> rec : records) {
            if (!types(rec).contains("variation")) {
                continue;
            }
            WooProduct v = common(rec, store, globalAttributes);
            v.type = "variation";
            v.parentId = resolve(store, rec.getOrDefault("Parent", ""));
            List<String> images = split(rec.get("Images"));
            v.images = images.isEmpty() ? List.of() : List.of(image(store, images.get(0)));
            v.attributes = v.attributes.stream().filter(a -> !a.options().isEmpty() && !a.options().get(0).isEmpty())
                    .map(a -> new WooProduct.Attribute(a.id(), a.name(), 0, true, true, List.of(), a.options().get(0)))
                    .toList();
            store.insert(v);
            variations++;
        }
        for (Grouped g : grouped) {
            List<Long> children = split(g.children()).stream().map(sku -> resolve(store, sku)).toList();
            store.update(g.id(), p -> p.groupedIds = children);
        }
        return new CatalogSummary(products, variations, store.categories().size());
    }

    private static WooProduct common(Map<String, String> rec, WooStore store, Map<String, Long> globals) {
        WooProduct p = new WooProduct();
        String id = rec.getOrDefault("ID", "").trim();
        if (id.matches("\\d+") && store.get(Long.parseLong(id)).isEmpty()) {
            p.id = Long.parseLong(id);
        }
        p.sku = rec.getOrDefault("SKU", "").trim();
        p.status = switch (orDefault(rec.get("Published"), "1").trim()) {
            case "1" -> "publish";
            case "-1" -> "draft";
            default -> "private";
        };
        p.description = rec.getOrDefault("Description", "");
        p.regularPrice = decimal(rec.get("Regular price"));
        p.salePrice = decimal(rec.get("Sale price"));
        p.taxStatus = orDefault(rec.get("Tax status"), "taxable");
        p.taxClass = rec.getOrDefault("Tax class", "");
        String stock = orDefault(rec.get("Stock"), "").trim();
        if (!stock.isEmpty()) {
            p.manageStock = "true";
            p.stockQuantity = Integer.parseInt(stock);
        }
        p.stockStatus = switch (orDefault(rec.get("In stock?"), "1").trim()) {
            case "0" -> "outofstock";
            case "backorder" -> "onbackorder";
            default -> "instock";
        };
        p.backorders = switch (orDefault(rec.get("Backorders allowed?"), "0").trim()) {
            case "1" -> "yes";
            case "notify" -> "notify";
            default -> "no";
        };
        p.weight = rec.getOrDefault("Weight (lbs)", "").trim();
        p.length = rec.getOrDefault("Length (in)", "").trim();
        p.width = rec.getOrDefault("Width (in)", "").trim();
        p.height = rec.getOrDefault("Height (in)", "").trim();
        p.menuOrder = Integer.parseInt(orDefault(rec.get("Position"), "0").trim());
        List<WooProduct.Attribute> attributes = new ArrayList<>();
        for (int n = 1; rec.containsKey("Attribute " + n + " name"); n++) {
            String name = rec.getOrDefault("Attribute " + n + " name", "").trim();
            if (name.isEmpty()) {
                continue;
            }
            boolean global = "1".equals(rec.getOrDefault("Attribute " + n + " global", "").trim());
            long attrId = global ? globals.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> globals.size() + 1L) : 0;
            String values = rec.getOrDefault("Attribute " + n + " value(s)", "");
            List<String> options = values.isBlank() ? List.of("") : split(values);
            attributes.add(new WooProduct.Attribute(attrId, name, n - 1,
                    !"0".equals(rec.getOrDefault("Attribute " + n + " visible", "1").trim()), false, options, ""));
        }
        p.attributes = List.copyOf(attributes);
        List<WooProduct.Meta> meta = new ArrayList<>();
        for (Map.Entry<String, String> e : rec.entrySet()) {
            if (e.getKey().startsWith("Meta: ") && !e.getValue().isEmpty()) {
                meta.add(new WooProduct.Meta(store.nextMetaId(), e.getKey().substring(6), TextNode.valueOf(e.getValue())));
            }
        }
        p.meta = List.copyOf(meta);
        return p;
    }

    private static long resolve(WooStore store, String reference) {
        String ref = reference.trim();
        if (ref.startsWith("id:")) {
            return Long.parseLong(ref.substring(3));
        }
        return store.bySku(ref).map(p -> p.id)
                .orElseThrow(() -> new IllegalArgumentException("CSV refers to unknown SKU '" + ref + "'"));
    }

    private static WooProduct.Image image(WooStore store, String src) {
        String file = src.substring(src.lastIndexOf('/') + 1);
        return new WooProduct.Image(store.nextPostId(), src, file.replaceAll("\\.[A-Za-z]+$", ""), "");
    }

    private static List<String> types(Map<String, String> rec) {
        return split(rec.get("Type")).stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private static String decimal(@Nullable String v) {
        String t = orDefault(v, "").trim();
        if (t.isEmpty()) {
            return "";
        }
        return new java.math.BigDecimal(t.startsWith(".") ? "0" + t : t).toPlainString();
    }

    private static String orDefault(@Nullable String v, String fallback) {
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** A grouped product and its children's SKUs (or {@code id:N}), linked once every product exists. */
    private record Grouped(long id, String children) {
    }

    /** Splits a comma list as the importer does (commas escaped as {@code \,} stay). */
    static List<String> split(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("(?<!\\\\),")).map(s -> s.replace("\\,", ",").trim())
                .filter(s -> !s.isEmpty()).toList();
    }

    /** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
