package com.golisto.sync.app.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Binds the {@code stores} list for {@link ConfigBinder}: each store's id, its shop ({@code shop.connector} and
 * {@code shop.settings.*}, or the {@code woocommerce.*} shorthand) and its optional marketplace
 * ({@code marketplace.connector} and {@code marketplace.settings.*}). Checks the shape only; the connectors and
 * their settings are checked by {@link StoreConnectors}. Consumes the keys it binds.
 */
final class StoreBinder {
    private static final Pattern STORE_KEY = Pattern.compile("stores\\[(\\d+)]\\.(.+)");
    private static final int MAX_STORES = 10_000;
    private static final String STORE_ID_EXPECTED = "a store id (lower-case letters, digits and dashes, at most 63)";
    private static final String CONNECTOR_EXPECTED = "a connector id";
    private static final String SETTING_EXPECTED = "a single value (a text, number or boolean)";

    private final Map<String, String> raw;
    private final Map<String, String> shapes;
    private final Map<String, String> origin;
    private final List<ConfigProblem> problems;
    private final StoreConnectors connectors;

    /**
     * @param connectors the connectors known now: a setting of theirs given a list or a mapping is reported with the
     *     type it expects
     */
    StoreBinder(Map<String, String> raw, Map<String, String> shapes, Map<String, String> origin,
                List<ConfigProblem> problems, StoreConnectors connectors) {
        this.raw = raw;
        this.shapes = shapes;
        this.origin = origin;
        this.problems = problems;
        this.connectors = connectors;
    }

    /**
     * @param golisto the {@code golisto:} section; {@code null} when it has problems of its own
     */
    List<StoreConfig> bind(@Nullable GolistoConfig golisto) {
        int count = count();
        List<StoreConfig> stores = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            String prefix = "stores[" + i + "].";
            String idKey = prefix + "id";
            String id = raw.remove(idKey);
            boolean wrongTypes = wrongType(idKey, STORE_ID_EXPECTED);
            wrongTypes |= wrongType(prefix + "shop.connector", CONNECTOR_EXPECTED);
            wrongTypes |= wrongType(prefix + "marketplace.connector", CONNECTOR_EXPECTED);
            Map<String, String> sections = new LinkedHashMap<>();
            sections.put("woocommerce.", Registrations.SHORTHAND_SHOP);
            sections.put("shop.settings.", String.valueOf(raw.get(prefix + "shop.connector")).trim());
            sections.put("marketplace.settings.", String.valueOf(raw.getOrDefault(prefix + "marketplace.connector",
                    Registrations.DEFAULT_MARKETPLACE)).trim());
            for (Map.Entry<String, String> section : sections.entrySet()) {
                for (String key : List.copyOf(shapes.keySet())) {
                    if (key.startsWith(prefix + section.getKey())) {
                        String setting = key.substring((prefix + section.getKey()).length());
                        wrongTypes |= wrongType(key, connectors.descriptor(section.getValue())
                                .flatMap(d -> d.setting(setting)).map(spec -> ConfigValues.expected(spec.type()))
                                .orElse(SETTING_EXPECTED));
                    }
                }
            }
            // a section of the wrong shape was reported while reading: no "is required" too
            wrongTypes |= problems.stream().anyMatch(p -> p.key().startsWith(prefix));
            boolean wooGiven = raw.keySet().stream().anyMatch(k -> k.startsWith(prefix + "woocommerce."));
            Map<String, String> woo = section(prefix + "woocommerce.");
            String shopConnector = text(prefix + "shop.connector");
            boolean shopGiven = shopConnector != null
                    || raw.keySet().stream().anyMatch(k -> k.startsWith(prefix + "shop."));
            Map<String, String> shopSettings = section(prefix + "shop.settings.");
            String marketplaceConnector = text(prefix + "marketplace.connector");
            Map<String, String> marketplaceSettings = section(prefix + "marketplace.settings.");
            if (wrongTypes) {
                continue;
            }
            if (id == null || id.isBlank()) {
                if (wooGiven || shopGiven || marketplaceConnector != null || !marketplaceSettings.isEmpty()) {
                    problems.add(new ConfigProblem(idKey, "is required: every store needs an id"));
                }
                continue;
            }
            String trimmed = id.trim();
            if (!trimmed.matches(StoreConfig.ID_PATTERN)) {
                problems.add(new ConfigProblem(idKey, "\"" + trimmed + "\"" + from(idKey)
                        + " is not a store id: use lower-case letters, digits and dashes (at most 63)"));
                continue;
            }
            if (!seen.add(trimmed)) {
                problems.add(new ConfigProblem(idKey, "store \"" + trimmed + "\" is declared twice"));
                continue;
            }
            StoreConfig store = store(prefix, trimmed, wooGiven ? woo : null, shopGiven, shopConnector, shopSettings,
                    marketplaceConnector, marketplaceSettings);
            if (store != null) {
                problems.addAll(connectors.problems(i, store, golisto, false));
                stores.add(store);
            }
        }
        if (golisto != null && !stores.isEmpty()) {
            problems.addAll(connectors.defaultMarketplaceProblems(golisto));
        }
        return stores;
    }

    private @Nullable StoreConfig store(String prefix, String id, @Nullable Map<String, String> woo, boolean shopGiven,
                                        @Nullable String shopConnector, Map<String, String> shopSettings,
                                        @Nullable String marketplaceConnector, Map<String, String> marketplaceSettings) {
        boolean ok = true;
        if (woo != null && shopGiven) {
            problems.add(new ConfigProblem(prefix + "woocommerce", "give the shop either as shop (connector and"
                    + " settings) or as its shorthand woocommerce, not both"));
            ok = false;
        } else if (woo == null && !shopGiven) {
            problems.add(new ConfigProblem(prefix + "shop", "is required: the store's shop connector (shop.connector)"
                    + " and its settings (shop.settings), or the woocommerce shorthand"));
            ok = false;
        } else if (woo == null && shopConnector == null) {
            problems.add(new ConfigProblem(prefix + "shop.connector", "is required: the id of the store's shop"
                    + " connector"));
            ok = false;
        }
        if (marketplaceConnector == null && !marketplaceSettings.isEmpty()) {
            problems.add(new ConfigProblem(prefix + "marketplace.connector", "is required when"
                    + " marketplace.settings are given: the id of the store's marketplace connector"));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        ConnectorChoice shop = woo != null ? new ConnectorChoice(Registrations.SHORTHAND_SHOP, woo)
                : new ConnectorChoice(java.util.Objects.requireNonNull(shopConnector), shopSettings);
        ConnectorChoice marketplace = marketplaceConnector == null ? null
                : new ConnectorChoice(marketplaceConnector, marketplaceSettings);
        return new StoreConfig(id, shop, marketplace, woo != null);
    }

    /** How many stores the keys name (the highest index plus one). */
    private int count() {
        int count = 0;
        Set<String> keys = new LinkedHashSet<>(raw.keySet());
        keys.addAll(shapes.keySet());
        for (String key : keys) {
            Matcher m = STORE_KEY.matcher(key);
            if (m.matches()) {
                try {
                    count = Math.max(count, Math.min(MAX_STORES, Integer.parseInt(m.group(1)) + 1));
                } catch (NumberFormatException e) {
                    count = MAX_STORES;
                }
            }
        }
        return count;
    }

    /** A connector id: trimmed, {@code null} when absent or blank. */
    private @Nullable String text(String key) {
        String value = raw.remove(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The settings directly under this prefix, consumed; deeper keys are left (reported as unknown). */
    private Map<String, String> section(String prefix) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, String>> it = raw.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            if (e.getKey().startsWith(prefix) && !e.getKey().substring(prefix.length()).contains(".")) {
                settings.put(e.getKey().substring(prefix.length()), e.getValue());
                it.remove();
            }
        }
        return settings;
    }

    private boolean wrongType(String key, String expected) {
        String found = shapes.remove(key);
        if (found == null) {
            return false;
        }
        problems.add(new ConfigProblem(key, "expected " + expected + ", found " + found));
        return true;
    }

    private String from(String key) {
        String source = origin.get(key);
        return source != null && source.startsWith(ConfigKey.ENV_PREFIX) ? " (from " + source + ")" : "";
    }
}
