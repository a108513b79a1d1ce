package com.golisto.sync.sandbox.golisto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one catalog item against the contract's {@code Product} schema and the connection's currency.
 * Collects every problem so that the per-item error names all of them at once.
 */
final class ProductValidator {

    static final Set<String> PRODUCT_STATUSES = Set.of("active", "draft", "archived");
    static final Set<String> STOCK_STATUSES = Set.of("in_stock", "out_of_stock", "backorder");

    private ProductValidator() {
    }

    /**
     * Validates one upsert item.
     *
     * @param item the item as sent
     * @param currency the connection's currency
     * @return the problems, empty when valid
     */
    static List<String> validate(JsonNode item, String currency) {
        List<String> problems = new ArrayList<>();
        if (!item.isObject()) {
            problems.add("each upsert item must be a JSON object");
            return problems;
        }
        requiredText(item, "external_id", problems);
        requiredText(item, "title", problems);
        requiredEnum(item, "status", PRODUCT_STATUSES, problems);
        if (requiredText(item, "currency", problems)) {
            String sent = item.get("currency").asText();
            if (!GolistoBackend.isKnownCurrency(sent)) {
                problems.add("currency " + sent + " is not a known ISO 4217 code");
            } else if (!sent.equals(currency)) {
                problems.add("currency must be " + currency + " (the currency sent with the credentials), not " + sent);
            }
        }
        requiredMoney(item, "price", problems);
        optionalMoney(item, "sale_price", problems);
        optionalInteger(item, "quantity", problems);
        requiredEnum(item, "stock_status", STOCK_STATUSES, problems);
        optionalText(item, "sku", true, problems);
        optionalText(item, "weight", true, problems);
        optionalText(item, "description_html", false, problems);
        optionalText(item, "short_description_html", false, problems);
        optionalText(item, "fingerprint", false, problems);
        optionalText(item, "updated_at", false, problems);
        images(item, problems);
        categories(item, problems);
        attributes(item, problems);
        variants(item, problems);
        return problems;
    }

    private static void images(JsonNode item, List<String> problems) {
        JsonNode images = item.get("images");
        if (images == null) {
            return;
        }
        if (!images.isArray()) {
            problems.add("images must be an array");
            return;
        }
        for (int i = 0; i < images.size(); i++) {
            JsonNode image = images.get(i);
            String where = "images[" + i + "]";
            if (!image.isObject()) {
                problems.add(where + " must be an object");
                continue;
            }
            optionalText(image, "url", false, where + ".", problems);
            optionalText(image, "alt", false, where + ".", problems);
            JsonNode position = image.get("position");
            if (position != null && !position.isIntegralNumber()) {
                problems.add(where + ".position must be an integer");
            }
        }
    }

    private static void categories(JsonNode item, List<String> problems) {
        JsonNode categories = item.get("categories");
        if (categories == null) {
            return;
        }
        if (!categories.isArray()) {
            problems.add("categories must be an array of strings");
            return;
        }
        for (JsonNode category : categories) {
            if (!category.isTextual()) {
                problems.add("categories must be an array of strings");
                return;
            }
        }
    }

    private static void attributes(JsonNode item, List<String> problems) {
        JsonNode attributes = item.get("attributes");
        if (attributes == null) {
            return;
        }
        if (!attributes.isObject()) {
            problems.add("attributes must be an object of string arrays");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
            JsonNode values = entry.getValue();
            boolean ok = values.isArray();
            for (JsonNode value : values) {
                ok &= value.isTextual();
            }
            if (!ok) {
                problems.add("attributes." + entry.getKey() + " must be an array of strings");
            }
        }
    }

    private static void variants(JsonNode item, List<String> problems) {
        JsonNode variants = item.get("variants");
        if (variants == null) {
            return;
        }
        if (!variants.isArray()) {
            problems.add("variants must be an array");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            JsonNode variant = variants.get(i);
            String where = "variants[" + i + "].";
            if (!variant.isObject()) {
                problems.add("variants[" + i + "] must be an object");
                continue;
            }
            if (requiredText(variant, "external_id", where, problems)
                    && !seen.add(variant.get("external_id").asText())) {
                problems.add(where + "external_id " + variant.get("external_id").asText() + " appears twice");
            }
            JsonNode options = variant.get("options");
            if (options == null || options.isNull()) {
                problems.add(where + "options is required");
            } else if (!options.isObject()) {
                problems.add(where + "options must be an object of strings");
            } else {
                for (JsonNode value : options) {
                    if (!value.isTextual()) {
                        problems.add(where + "options must be an object of strings");
                        break;
                    }
                }
            }
            requiredMoney(variant, "price", where, problems);
            optionalMoney(variant, "sale_price", where, problems);
            optionalInteger(variant, "quantity", where, problems);
            requiredEnum(variant, "stock_status", STOCK_STATUSES, where, problems);
            optionalText(variant, "sku", true, where, problems);
            optionalText(variant, "image_url", true, where, problems);
        }
    }

    private static boolean requiredText(JsonNode node, String field, List<String> problems) {
        return requiredText(node, field, "", problems);
    }

    private static boolean requiredText(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(where + field + " is required");
            return false;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(where + field + " must be a non-empty string");
            return false;
        }
        return true;
    }

    private static void optionalText(JsonNode node, String field, boolean nullable, List<String> problems) {
        optionalText(node, field, nullable, "", problems);
    }

    private static void optionalText(JsonNode node, String field, boolean nullable, String where,
                                     List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isTextual() || (nullable && value.isNull())) {
            return;
        }
        problems.add(where + field + (nullable ? " must be a string or null" : " must be a string"));
    }

    private static void requiredEnum(JsonNode node, String field, Set<String> allowed, List<String> problems) {
        requiredEnum(node, field, allowed, "", problems);
    }

    private static void requiredEnum(JsonNode node, String field, Set<String> allowed, String where,
                                     List<String> problems) {
        if (requiredText(node, field, where, problems) && !allowed.contains(node.get(field).asText())) {
            problems.add(where + field + " must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + ", not " + node.get(field).asText());
        }
    }

    private static void requiredMoney(JsonNode node, String field, List<String> problems) {
        requiredMoney(node, field, "", problems);
    }

    private static void requiredMoney(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(where + field + " is required");
        } else {
            money(value, where + field, problems);
        }
    }

    private static void optionalMoney(JsonNode node, String field, List<String> problems) {
        optionalMoney(node, field, "", problems);
    }

    private static void optionalMoney(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull()) {
            money(value, where + field, problems);
        }
    }

    /** Money is a decimal string: a JSON number is refused, whatever its value. */
    static void money(JsonNode value, String name, List<String> problems) {
        if (value.isNumber()) {
            problems.add(name + " must be a decimal string such as \"19.99\", not the JSON number " + value);
        } else if (!value.isTextual() || !Json.MONEY.matcher(value.asText()).matches()) {
            problems.add(name + " must be a decimal string with at most 4 decimals, not " + value);
        }
    }

    private static void optionalInteger(JsonNode node, String field, List<String> problems) {
        optionalInteger(node, field, "", problems);
    }

    private static void optionalInteger(JsonNode node, String field, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !(value.isIntegralNumber() && value.canConvertToInt())) {
            problems.add(where + field + " must be an integer or null, not " + value);
        }
    }
}
